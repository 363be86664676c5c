using StanceBoard.Analysis.Model;

namespace StanceBoard.Analysis.Featurization;

/// <summary>
/// A document's normalised tokens, grouped by sentence, with each token's target mention (if
/// any), so the tokens can be masked for any target without tokenizing again.
/// </summary>
internal sealed class TokenizedDocument
{
    /// <summary>A reusable list for the tokens being found, so a document costs only what it keeps.</summary>
    [ThreadStatic]
    private static List<TextToken>? t_found;

    private TokenizedDocument(string[] tokens, int[] sentenceStarts, int[] tokenMention, string[] mentionTargets, bool[] sentenceHasMention)
    {
        Tokens = tokens;
        SentenceStarts = sentenceStarts;
        TokenMention = tokenMention;
        MentionTargets = mentionTargets;
        SentenceHasMention = sentenceHasMention;
    }

    /// <summary>The normalised tokens' values (folded words or <see cref="TokenMarkers"/>), sentence after sentence.</summary>
    public string[] Tokens { get; }

    /// <summary>Index of the first token of each sentence; one more entry than sentences.</summary>
    public int[] SentenceStarts { get; }

    /// <summary>For each token, the index of the mention it belongs to, or −1.</summary>
    public int[] TokenMention { get; }

    /// <summary>For each mention, its target's name.</summary>
    public string[] MentionTargets { get; }

    public bool[] SentenceHasMention { get; }

    public int SentenceCount => SentenceStarts.Length - 1;

    public static TokenizedDocument Create(StanceDocument document)
    {
        var sentences = document.Sentences;
        var all = t_found ?? new List<TextToken>(1024);
        t_found = null;
        all.Clear();
        var starts = new int[sentences.Count + 1];
        for (var s = 0; s < sentences.Count; s++)
        {
            starts[s] = all.Count;
            var sentence = sentences[s];
            TextNormalizer.Tokenize(sentence.Text, 0, sentence.Text.Length, all);
        }

        starts[sentences.Count] = all.Count;
        var tokens = new string[all.Count];
        for (var t = 0; t < tokens.Length; t++)
        {
            tokens[t] = all[t].Value;
        }

        var tokenMention = new int[tokens.Length];
        Array.Fill(tokenMention, -1);
        var mentions = document.Mentions;
        var targets = new string[mentions.Count];
        var hasMention = new bool[sentences.Count];

        // Mentions are matched to tokens by walking both in text order, so a text of one endless
        // sentence with many mentions costs its length, not mentions × tokens.
        var order = Enumerable.Range(0, mentions.Count)
            .Where(m => (uint)mentions[m].SentenceIndex < (uint)sentences.Count)
            .OrderBy(m => mentions[m].SentenceIndex)
            .ThenBy(m => mentions[m].Start)
            .ToArray();
        for (var m = 0; m < mentions.Count; m++)
        {
            targets[m] = mentions[m].Target;
        }

        var cursor = 0;
        var sentenceOfCursor = -1;
        foreach (var m in order)
        {
            var mention = mentions[m];
            var s = mention.SentenceIndex;
            hasMention[s] = true;
            if (s != sentenceOfCursor)
            {
                cursor = starts[s];
                sentenceOfCursor = s;
            }

            // Token offsets are within their sentence's text.
            var offset = sentences[s].Start;
            var end = mention.Start + mention.Length;
            while (cursor < starts[s + 1] && all[cursor].Start + offset < mention.Start)
            {
                cursor++;
            }

            for (var t = cursor; t < starts[s + 1] && all[t].Start + offset < end; t++)
            {
                tokenMention[t] = m;
            }
        }

        all.Clear();
        if (all.Capacity <= 1 << 16)
        {
            t_found = all;
        }

        return new TokenizedDocument(tokens, starts, tokenMention, targets, hasMention);
    }

    /// <summary>Whether sentence <paramref name="s"/> mentions <paramref name="target"/>.</summary>
    public bool Mentions(int s, string target)
    {
        if (!SentenceHasMention[s])
        {
            return false;
        }

        for (var t = SentenceStarts[s]; t < SentenceStarts[s + 1]; t++)
        {
            var m = TokenMention[t];
            if (m >= 0 && string.Equals(MentionTargets[m], target, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The tokens of sentence <paramref name="s"/> as the featurizer sees them for
    /// <paramref name="target"/>: each mention collapsed into one target or other-target marker
    /// (or left as words when <paramref name="mask"/> is off).
    /// </summary>
    public void MaskedTokens(int s, string target, bool mask, List<string> into) => MaskedTokens(s, target, mask, into, null);

    /// <summary>
    /// As <see cref="MaskedTokens(int, string, bool, List{string})"/>, and for each masked token
    /// its index in <see cref="Tokens"/> into <paramref name="positions"/>, or −1 for a marker
    /// standing for a mention.
    /// </summary>
    public void MaskedTokens(int s, string target, bool mask, List<string> into, List<int>? positions)
    {
        into.Clear();
        positions?.Clear();
        var previousMention = -1;
        for (var t = SentenceStarts[s]; t < SentenceStarts[s + 1]; t++)
        {
            var m = TokenMention[t];
            if (m < 0 || !mask)
            {
                into.Add(Tokens[t]);
                positions?.Add(t);
                previousMention = -1;
                continue;
            }

            if (m == previousMention)
            {
                continue;
            }

            previousMention = m;
            into.Add(string.Equals(MentionTargets[m], target, StringComparison.OrdinalIgnoreCase) ? TokenMarkers.Target : TokenMarkers.OtherTarget);
            positions?.Add(-1);
        }
    }

    /// <summary>
    /// The normalised tokens of the given sentences as <paramref name="target"/> sees them
    /// (mentions masked), joined by single spaces: the text column the model's n-grams are read from.
    /// </summary>
    public string MaskedText(IEnumerable<int> sentences, string target, bool mask)
    {
        var builder = new System.Text.StringBuilder();
        var tokens = new List<string>(64);
        foreach (var s in sentences)
        {
            MaskedTokens(s, target, mask, tokens);
            foreach (var token in tokens)
            {
                if (builder.Length > 0)
                {
                    builder.Append(' ');
                }

                builder.Append(token);
            }
        }

        return builder.ToString();
    }
}
