using System.Runtime.CompilerServices;
using System.Threading.Channels;
using StanceBoard.Ingestion.Dedupe;
using StanceBoard.Ingestion.Detection;
using StanceBoard.Ingestion.Extraction;
using StanceBoard.Ingestion.Feeds;
using StanceBoard.Ingestion.Fetching;
using StanceBoard.Ingestion.Sources;

namespace StanceBoard.Ingestion.Pipeline;

/// <summary>
/// Polls web sources: fetches the source URL (conditionally), detects a feed, sitemap, sitemap
/// index or article from the body, fetches each new item's page, extracts it, merges it with
/// the feed entry and hands on an <see cref="IngestionItem"/> per article, with duplicates and
/// per-item failures reported. The cache validators of a source are saved only once every item
/// of the poll was handed on, so a crash mid-batch never hides items behind the next 304.
/// </summary>
public sealed class WebIngestionPipeline
{
    private readonly WebFetcher _fetcher;
    private readonly IIngestionState _state;
    private readonly IngestionOptions _options;

    /// <summary>Creates a pipeline over a shared fetcher and a store-backed state.</summary>
    public WebIngestionPipeline(WebFetcher fetcher, IIngestionState state, IngestionOptions options)
    {
        ArgumentNullException.ThrowIfNull(fetcher);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(options);
        _fetcher = fetcher;
        _state = state;
        _options = options;
    }

    /// <summary>
    /// Polls <paramref name="source"/>; <paramref name="onItem"/> is called once per item, never
    /// concurrently, and must store the item before returning (the next item's dedupe relies on it).
    /// </summary>
    /// <param name="source">The source to poll.</param>
    /// <param name="onItem">Stores or reports one item.</param>
    /// <param name="conditional">Send the stored validators (a conditional GET); off for explicit re-ingestion.</param>
    /// <param name="cancellationToken">Cancels the poll; items already handed on stay handed on.</param>
    public async Task<PollReport> PollAsync(WebSource source, Func<IngestionItem, CancellationToken, ValueTask> onItem, bool conditional = true, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(onItem);
        var url = source.Url.AbsoluteUri;
        if (source.Kind == SourceKind.Article && UrlCanonicalizer.Normalize(source.Url) is { } known && await _state.IsKnownUrlAsync(known, cancellationToken).ConfigureAwait(false))
        {
            var item = new IngestionItem { SourceId = source.Id, Url = url, CanonicalUrl = known, Status = IngestionItemStatus.KnownUrl };
            await onItem(item, cancellationToken).ConfigureAwait(false);
            return Report(source, new FetchLogEntry { Url = url, ErrorKind = FetchErrorKind.NotModified, Error = "Already stored; not fetched." }, DocumentKind.Html, [item]);
        }

        var validators = conditional && source.Kind != SourceKind.Article ? await _state.GetValidatorsAsync(url, cancellationToken).ConfigureAwait(false) : null;
        var fetch = await _fetcher.FetchAsync(source.Url, validators, source.Id, cancellationToken).ConfigureAwait(false);
        await _state.RecordFetchAsync(fetch.Log, cancellationToken).ConfigureAwait(false);
        if (fetch.NotModified)
        {
            return Report(source, fetch.Log, DocumentKind.Unknown, []) with { Succeeded = true, ErrorKind = FetchErrorKind.None, Error = null };
        }

        if (!fetch.Succeeded)
        {
            return Report(source, fetch.Log, DocumentKind.Unknown, []) with { Succeeded = false, ErrorKind = fetch.ErrorKind, Error = fetch.Log.Error };
        }

        var kind = source.Kind == SourceKind.Article ? DocumentKind.Html : DocumentSniffer.Detect(fetch.Text, fetch.MediaType);
        var handler = new ItemHandler(onItem);
        switch (kind)
        {
            case DocumentKind.Html:
                var item = await GuardAsync(source, source.Url, null, () => FromPageAsync(source, source.Url, fetch, null, cancellationToken), cancellationToken).ConfigureAwait(false);
                await HandleAsync(handler, item, cancellationToken).ConfigureAwait(false);
                return Report(source, fetch.Log, kind, handler.Items);
            case DocumentKind.Unknown:
                return Report(source, fetch.Log, kind, []) with
                {
                    Succeeded = false,
                    ErrorKind = FetchErrorKind.Unsupported,
                    Error = $"The response ({fetch.MediaType ?? "no media type"}) is neither a feed, a sitemap nor an HTML page.",
                };
        }

        var document = FeedParser.Parse(fetch.Text, fetch.FinalUrl, FeedOptions());
        var items = document.Items.ToList();
        var complete = document.IsComplete;
        if (document.Kind == DocumentKind.SitemapIndex)
        {
            (items, complete) = await ReadChildSitemapsAsync(source, document, cancellationToken).ConfigureAwait(false);
        }

        if (document.Kind is DocumentKind.Sitemap or DocumentKind.SitemapIndex)
        {
            items = [.. items.OrderByDescending(i => i.Published ?? i.Updated ?? DateTimeOffset.MinValue)];
        }

        var listed = Math.Max(document.TotalItems, items.Count);
        var selected = items.Take(_options.MaxItemsPerPoll).ToList();
        await ProcessItemsAsync(source, selected, handler, cancellationToken).ConfigureAwait(false);
        var saved = false;
        if (complete && handler.Items.All(i => !i.IsRetryable))
        {
            await _state.SetValidatorsAsync(url, fetch.Validators, cancellationToken).ConfigureAwait(false);
            saved = true;
        }

        return Report(source, fetch.Log, document.Kind, handler.Items) with
        {
            Succeeded = document.Items.Count > 0 || document.ChildSitemaps.Count > 0 || complete,
            ErrorKind = document.ErrorKind,
            Error = document.Error ?? (listed > selected.Count ? $"{listed} items listed; {selected.Count} handled this poll (cap {_options.MaxItemsPerPoll})." : null),
            ListedItems = listed,
            Truncated = listed > selected.Count || document.Truncated,
            ValidatorsSaved = saved,
        };
    }

    /// <summary>
    /// Ingests the given URLs, each detected from its response: an article yields one item, a feed
    /// or sitemap yields all its items. Unconditional (no 304s). Failures are yielded as items.
    /// </summary>
    public async IAsyncEnumerable<IngestionItem> IngestAsync(IEnumerable<Uri> urls, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(urls);
        foreach (var url in urls)
        {
            var channel = Channel.CreateBounded<IngestionItem>(new BoundedChannelOptions(16) { SingleReader = true, SingleWriter = true });
            var source = new WebSource { Id = url.AbsoluteUri, Url = url };
            var poll = Task.Run(
                async () =>
                {
                    try
                    {
                        return await PollAsync(source, (item, ct) => channel.Writer.WriteAsync(item, ct), conditional: false, cancellationToken).ConfigureAwait(false);
                    }
                    finally
                    {
                        channel.Writer.Complete();
                    }
                },
                cancellationToken);
            await foreach (var item in channel.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                yield return item;
            }

            var report = await poll.ConfigureAwait(false);
            if (!report.Succeeded && report.Counts.Values.Sum() == 0)
            {
                yield return new IngestionItem
                {
                    SourceId = source.Id,
                    Url = url.AbsoluteUri,
                    Status = IngestionItemStatus.Failed,
                    ErrorKind = report.ErrorKind,
                    Error = report.Error,
                    Fetch = report.Fetch,
                    IsRetryable = report.Fetch.ErrorKind is FetchErrorKind.Timeout or FetchErrorKind.Network or FetchErrorKind.CircuitOpen,
                };
            }
        }
    }

    private async Task<(List<FeedItem> Items, bool Complete)> ReadChildSitemapsAsync(WebSource source, FeedDocument index, CancellationToken cancellationToken)
    {
        var items = new List<FeedItem>();
        var complete = index.IsComplete;
        foreach (var child in index.ChildSitemaps.Take(_options.MaxChildSitemaps))
        {
            var fetch = await _fetcher.FetchAsync(new Uri(child), null, source.Id, cancellationToken).ConfigureAwait(false);
            await _state.RecordFetchAsync(fetch.Log, cancellationToken).ConfigureAwait(false);
            if (!fetch.Succeeded)
            {
                complete = false;
                continue;
            }

            var document = FeedParser.Parse(fetch.Text, fetch.FinalUrl, FeedOptions());
            complete &= document.IsComplete;
            if (document.Kind == DocumentKind.Sitemap)
            {
                items.AddRange(document.Items);
            }
        }

        return (items, complete);
    }

    private async Task ProcessItemsAsync(WebSource source, List<FeedItem> items, ItemHandler handler, CancellationToken cancellationToken)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var unique = items.Where(i => i.Url is not null && seen.Add(UrlCanonicalizer.Normalize(i.Url) ?? i.Url)).ToList();
        await Parallel.ForEachAsync(
            unique,
            new ParallelOptions { MaxDegreeOfParallelism = _options.MaxParallelItems, CancellationToken = cancellationToken },
            async (feedItem, ct) =>
            {
                using var activity = IngestionTelemetry.Activities.StartActivity("ingest item");
                activity?.SetTag("url.full", feedItem.Url);
                var item = await GuardAsync(source, null, feedItem, () => FromFeedItemAsync(source, feedItem, ct), ct).ConfigureAwait(false);
                await HandleAsync(handler, item, ct).ConfigureAwait(false);
            }).ConfigureAwait(false);
    }

    /// <summary>Runs the reading of one item; an unexpected fault becomes a failed item, so the items after it still go in.</summary>
    private static async Task<IngestionItem> GuardAsync(WebSource source, Uri? url, FeedItem? feedItem, Func<Task<IngestionItem>> read, CancellationToken cancellationToken)
    {
        try
        {
            return await read().ConfigureAwait(false);
        }
        catch (Exception ex) when (!(ex is OperationCanceledException && cancellationToken.IsCancellationRequested))
        {
            var itemUrl = url ?? (Uri.TryCreate(feedItem?.Url, UriKind.Absolute, out var listed) ? listed : source.Url);
            return Failed(source, itemUrl, feedItem, new FetchLogEntry { Url = itemUrl.AbsoluteUri, ErrorKind = FetchErrorKind.Unreadable }, FetchErrorKind.Unreadable, UnreadableMessage, false) with { Fault = ex };
        }
    }

    private const string UnreadableMessage = "The item could not be read (an internal fault, logged on the server); it was skipped.";

    private async Task<IngestionItem> FromFeedItemAsync(WebSource source, FeedItem feedItem, CancellationToken cancellationToken)
    {
        var url = new Uri(feedItem.Url!);
        var canonical = UrlCanonicalizer.Normalize(url);
        if (canonical is not null && await _state.IsKnownUrlAsync(canonical, cancellationToken).ConfigureAwait(false))
        {
            return new IngestionItem { SourceId = source.Id, Url = feedItem.Url!, CanonicalUrl = canonical, Status = IngestionItemStatus.KnownUrl, FeedItem = feedItem };
        }

        var fetch = await _fetcher.FetchAsync(url, null, source.Id, cancellationToken).ConfigureAwait(false);
        await _state.RecordFetchAsync(fetch.Log, cancellationToken).ConfigureAwait(false);
        if (!fetch.Succeeded && !fetch.IsTransient && PieceBuilder.FeedText(feedItem) is { Length: > 0 } feedText && feedText.Length >= _options.MinTextChars)
        {
            // The page is gone or refused, but the feed carries the full text.
            var fromFeed = PieceBuilder.Build(new ExtractedArticle { Title = string.Empty, Text = string.Empty }, feedItem, source, url, feedText);
            return Piece(source, feedItem, fromFeed, fetch.Log);
        }

        return await FromPageAsync(source, url, fetch, feedItem, cancellationToken).ConfigureAwait(false);
    }

    private async Task<IngestionItem> FromPageAsync(WebSource source, Uri url, FetchResult fetch, FeedItem? feedItem, CancellationToken cancellationToken)
    {
        if (!fetch.Succeeded)
        {
            return Failed(source, url, feedItem, fetch.Log, fetch.ErrorKind, fetch.Log.Error ?? fetch.ErrorKind.ToString(), fetch.IsTransient);
        }

        if (DocumentSniffer.Detect(fetch.Text, fetch.MediaType) is not (DocumentKind.Html or DocumentKind.Unknown) and var kind)
        {
            return Failed(source, url, feedItem, fetch.Log, FetchErrorKind.Unsupported, $"The item URL serves a {kind} document, not an article page.", false);
        }

        ExtractedArticle page;
        using (IngestionTelemetry.Activities.StartActivity("extract"))
        {
            page = HtmlArticleExtractor.Extract(fetch.Text, fetch.FinalUrl);
        }

        var feedText = page.Text.Length < _options.MinTextChars ? PieceBuilder.FeedText(feedItem) : null;
        var piece = PieceBuilder.Build(page, feedItem, source, fetch.FinalUrl, feedText);
        if (piece.Text.Length < _options.MinTextChars)
        {
            return Failed(source, url, feedItem, fetch.Log, FetchErrorKind.NoContent, $"The page has {piece.Text.Length} characters of article text, fewer than the {_options.MinTextChars} required.", false);
        }

        if (piece.Url is { } canonical && !string.Equals(canonical, UrlCanonicalizer.Normalize(url), StringComparison.Ordinal)
            && await _state.IsKnownUrlAsync(canonical, cancellationToken).ConfigureAwait(false))
        {
            return new IngestionItem { SourceId = source.Id, Url = url.AbsoluteUri, CanonicalUrl = canonical, Status = IngestionItemStatus.KnownUrl, FeedItem = feedItem, Fetch = fetch.Log };
        }

        return Piece(source, feedItem, piece, fetch.Log) with { Url = url.AbsoluteUri };
    }

    private static IngestionItem Piece(WebSource source, FeedItem? feedItem, Piece piece, FetchLogEntry fetch) => new()
    {
        SourceId = source.Id,
        Url = feedItem?.Url ?? piece.Url ?? source.Url.AbsoluteUri,
        CanonicalUrl = piece.Url,
        Status = IngestionItemStatus.New,
        Piece = piece,
        SimHash = Dedupe.SimHash.Compute(piece.Text),
        FeedItem = feedItem,
        Fetch = fetch,
    };

    private static IngestionItem Failed(WebSource source, Uri url, FeedItem? feedItem, FetchLogEntry fetch, FetchErrorKind kind, string message, bool retryable) => new()
    {
        SourceId = source.Id,
        Url = url.AbsoluteUri,
        CanonicalUrl = UrlCanonicalizer.Normalize(url),
        Status = IngestionItemStatus.Failed,
        FeedItem = feedItem,
        Fetch = fetch,
        ErrorKind = kind,
        Error = message,
        IsRetryable = retryable,
    };

    private async Task HandleAsync(ItemHandler handler, IngestionItem item, CancellationToken cancellationToken)
    {
        await handler.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (item is { Status: IngestionItemStatus.New, Piece: { } piece })
            {
                if (item.CanonicalUrl is { } canonical && await _state.IsKnownUrlAsync(canonical, cancellationToken).ConfigureAwait(false))
                {
                    item = item with { Status = IngestionItemStatus.KnownUrl };
                }
                else if (await _state.FindContentAsync(piece.ContentHash, item.SimHash, cancellationToken).ConfigureAwait(false) is { } match)
                {
                    item = item with { Status = match.Exact ? IngestionItemStatus.Duplicate : IngestionItemStatus.NearDuplicate, DuplicateOf = match.Key };
                }
            }

            // A consumer that throws (the store is down, the process is stopping) ends the poll: the
            // validators stay unsaved, so the next poll hands on whatever was not stored.
            await handler.OnItem(item, cancellationToken).ConfigureAwait(false);
            handler.Items.Add(item);
        }
        finally
        {
            handler.Gate.Release();
        }
    }

    private FeedParseOptions FeedOptions() => new()
    {
        MaxItems = Math.Max(_options.MaxItemsPerPoll, _options.Feeds.MaxItems),
        MaxChildSitemaps = _options.MaxChildSitemaps,
        MaxCharacters = _options.Feeds.MaxCharacters,
        MaxFieldCharacters = _options.Feeds.MaxFieldCharacters,
    };

    private static PollReport Report(WebSource source, FetchLogEntry fetch, DocumentKind kind, IReadOnlyCollection<IngestionItem> items) => new()
    {
        SourceId = source.Id,
        Fetch = fetch,
        Kind = kind,
        Succeeded = true,
        ListedItems = items.Count,
        Counts = items.GroupBy(i => i.Status).ToDictionary(g => g.Key, g => g.Count()),
    };

    private sealed class ItemHandler(Func<IngestionItem, CancellationToken, ValueTask> onItem)
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);

        public Func<IngestionItem, CancellationToken, ValueTask> OnItem { get; } = onItem;

        public List<IngestionItem> Items { get; } = [];
    }
}
