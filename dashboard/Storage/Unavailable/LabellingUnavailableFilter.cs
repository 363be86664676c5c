namespace StanceBoard.Dashboard.Storage.Unavailable;

/// <summary>Answers the accounts, labels and training endpoints with 501 and the reason when the store does not keep them.</summary>
internal static class LabellingUnavailableFilter
{
    public static TBuilder AnswerUnavailable<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            try
            {
                return await next(context);
            }
            catch (LabellingStoreUnavailableException ex)
            {
                return TypedResults.Problem(ex.Message, statusCode: StatusCodes.Status501NotImplemented, title: "Not available on this store");
            }
        });
}
