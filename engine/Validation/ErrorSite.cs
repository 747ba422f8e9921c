namespace WasmConform.Engine.Validation;

/// <summary>
/// Where validation currently is, to give errors their <see cref="WasmException.Location"/>.
/// The location text is built only when an error is raised.
/// </summary>
internal abstract class ErrorSite
{
    /// <summary>The location, e.g. <c>func 3, instruction 12 (i32.add)</c>.</summary>
    public abstract string Where();

    /// <summary>An <see cref="InvalidException"/> with <paramref name="message"/> at this site.</summary>
    public InvalidException Fail(string message) => new(message, Where());
}

/// <summary>A site with a fixed location, e.g. <c>import 2</c>.</summary>
internal sealed class FixedSite(string where) : ErrorSite
{
    public override string Where() => where;
}
