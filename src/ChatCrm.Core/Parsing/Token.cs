namespace ChatCrm.Core.Parsing;

internal enum TokenKind
{
    Word,
    Number,
    Symbol,
}

/// <summary>A lower-cased word, a run of digits or one other character, with its place in the source text.</summary>
internal readonly record struct Token(TokenKind Kind, string Text, int Start, int End)
{
    public bool IsSymbol(char symbol) => Kind == TokenKind.Symbol && Text[0] == symbol;
}

internal static class Tokenizer
{
    // Phrases are short; reading the whole of a long note would be wasted work.
    private const int MaxTokens = 24;

    public static IReadOnlyList<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < text.Length && tokens.Count < MaxTokens)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            var start = i;
            if (char.IsLetter(c))
            {
                while (i < text.Length && char.IsLetter(text[i]))
                {
                    i++;
                }

                tokens.Add(new Token(TokenKind.Word, Normalize(text[start..i]), start, i));
            }
            else if (char.IsAsciiDigit(c))
            {
                while (i < text.Length && char.IsAsciiDigit(text[i]))
                {
                    i++;
                }

                tokens.Add(new Token(TokenKind.Number, text[start..i], start, i));
            }
            else
            {
                i++;
                tokens.Add(new Token(TokenKind.Symbol, c.ToString(), start, i));
            }
        }

        return tokens;
    }

    // «днём» and «днем» are the same word; people type either.
    private static string Normalize(string word) => word.ToLowerInvariant().Replace('ё', 'е');
}
