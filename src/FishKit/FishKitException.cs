namespace FishKit;

/// <summary>
/// A problem with the user's input or environment. The message is one line that names the
/// culprit (file, frame, parameter) and says what to do; front ends print it without a stack trace.
/// <paramref name="kind"/> sets the class (the exit code) where it is not the default, <see cref="ErrorClass.Input"/>,
/// nor given by a file-system exception inside (see <see cref="Errors.ErrorReport"/>).
/// </summary>
public sealed class FishKitException(string message, Exception? inner = null, ErrorClass? kind = null) : Exception(message, inner)
{
    /// <summary>The class given when the error was made; null: from the inner exception, else <see cref="ErrorClass.Input"/>.</summary>
    public ErrorClass? Kind { get; } = kind;

    /// <summary>What is wrong, as data (file, frame, parameter, value, allowed range); null where the error gave none.</summary>
    public ErrorSubject? Subject { get; private init; }

    /// <summary>The message with its <see cref="Term"/>s unworded (see <see cref="Say"/>); null: the message names no term.</summary>
    public string? Template { get; private init; }

    /// <summary>
    /// A refusal whose remedy names <see cref="Term"/>s (placed in <paramref name="template"/> with <see cref="Say"/>):
    /// its <see cref="Exception.Message"/> words them as the library's API does, and a front end words them its way with
    /// <see cref="MessageIn"/>. <paramref name="subject"/> says what is wrong as data.
    /// </summary>
    public static FishKitException Refusal(string template, ErrorSubject? subject = null, Exception? inner = null, ErrorClass? kind = null) =>
        new(Word(template, Library), inner, kind) { Template = template, Subject = subject };

    /// <summary>The placeholder of <paramref name="term"/> in a template.</summary>
    public static string Say(Term term) => $"\u27E8{term}\u27E9";

    /// <summary>The message with its terms in <paramref name="wording"/>'s words (the message itself when it names none).</summary>
    public string MessageIn(Func<Term, string> wording) => Template is null ? Message : Word(Template, wording);

    /// <summary>The library's words: what a notebook or another program passes to the API.</summary>
    public static string Library(Term term) => term switch
    {
        Term.Force => "pass force: true",
        Term.PackFrames => "FramePacker.Pack",
        Term.Crop => "crop",
        Term.Fps => "fps",
        Term.Size => "size",
        Term.Start => "start",
        Term.Duration => "duration",
        Term.Output => "output",
        Term.TrainOutput => "a folder Runs.Train wrote",
        Term.AblateOutput => "a results folder Ablations.RunAll wrote",
        Term.AblateCell => "Ablations.RunCell",
        Term.YTildeLstmModel => "RunConfig.YTildeLstm",
        Term.AllowGaps => "allowGaps: true",
        Term.AllowDecodeErrors => "AllowDecodeErrors = true",
        Term.CpuDevice => "Device = \"cpu\"",
        Term.Config => "RunConfig.FromJson of",
        _ => term.ToString(),
    };

    static string Word(string template, Func<Term, string> wording)
    {
        if (!template.Contains('\u27E8')) return template;
        foreach (var term in Enum.GetValues<Term>()) template = template.Replace(Say(term), wording(term), StringComparison.Ordinal);
        return template;
    }
}

/// <summary>What an error is about, as data, for a front end or a program to act on without parsing the message.</summary>
/// <param name="File">The file or folder at fault.</param>
/// <param name="Frame">The frame at fault.</param>
/// <param name="Parameter">The parameter at fault, as the library names it.</param>
/// <param name="Value">The value given, as text.</param>
/// <param name="Allowed">What is allowed instead (a range, a list).</param>
public sealed record ErrorSubject(string? File = null, long? Frame = null, Term? Parameter = null, string? Value = null, string? Allowed = null);
