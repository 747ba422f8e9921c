using System.Globalization;

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

/// <summary>A part of a module: <c>import 2</c>, <c>elem 1, item 0</c>, <c>start</c>.</summary>
/// <param name="Kind">What it is (<c>func</c>, <c>global</c>, …).</param>
/// <param name="Index">Its index, if it has one.</param>
/// <param name="Item">For element segments, the item, if the place is one.</param>
internal readonly record struct Place(string Kind, uint? Index = null, uint? Item = null)
{
    public override string ToString()
    {
        if (Index is not { } index) return Kind;
        string text = Kind + " " + index.ToString(CultureInfo.InvariantCulture);
        return Item is { } item ? text + ", item " + item.ToString(CultureInfo.InvariantCulture) : text;
    }
}

/// <summary>A site that is moved from place to place as module validation proceeds (one per module).</summary>
internal sealed class PlaceSite : ErrorSite
{
    public Place Place { get; set; } = new("module");

    public override string Where() => Place.ToString();
}
