using WasmConform.Engine.Embedding;
using WasmConform.Engine.Syntax;
using WasmConform.Wast.Text;

namespace WasmConform.Wast.Script;

/// <summary>Where a command starts: file, 1-based line, 1-based byte column.</summary>
public readonly record struct SourceLocation(string File, int Line, int Column)
{
    /// <summary><c>file:line:column</c>.</summary>
    public override string ToString() => $"{File}:{Line}:{Column}";
}

/// <summary>A command of a <c>.wast</c> script (the spec interpreter's script format), with where it starts.</summary>
public abstract record Command(SourceLocation Location);

/// <summary>How a script module is given.</summary>
public abstract record ModuleSource;

/// <summary>A module in the text format, parsed when the script was read.</summary>
public sealed record TextModule(Module Module) : ModuleSource;

/// <summary><c>(module binary "…"*)</c>: the concatenated bytes, decoded only when the command runs.</summary>
public sealed record BinaryModule(EquatableArray<byte> Bytes) : ModuleSource;

/// <summary><c>(module quote "…"*)</c>: the concatenated text, parsed only when the command runs.</summary>
/// <param name="Text">The text (the strings' bytes, concatenated).</param>
/// <param name="Location">Where the first string's text starts, for the positions of errors in it.</param>
public sealed record QuotedModule(EquatableArray<byte> Text, SourceLocation Location) : ModuleSource
{
    /// <summary>Parses the text as a module in the text format of <paramref name="features"/>; throws <see cref="ParseException"/> when it is malformed.</summary>
    public Module Parse(Engine.Features features = Engine.FeatureSets.All) =>
        WatParser.ParseModule(Lexer.Tokenize(Text.ToArray(), Location.File, Location.Line, Location.Column), features);
}

/// <summary>
/// <c>(module definition? $id? …)</c>: defines a module and, unless <paramref name="IsDefinition"/>,
/// instantiates it as the current instance (named <paramref name="Id"/> too).
/// </summary>
/// <param name="Location">Where the command starts.</param>
/// <param name="Id">The module's identifier without <c>$</c>, if any.</param>
/// <param name="IsDefinition">The <c>definition</c> form: define only, instantiate later with <see cref="InstanceCommand"/>.</param>
/// <param name="Source">The module's text, bytes or quoted text.</param>
public sealed record ModuleCommand(SourceLocation Location, string? Id, bool IsDefinition, ModuleSource Source) : Command(Location);

/// <summary><c>(module instance $instance? $module?)</c>: instantiates a defined module (the latest one when no module is named).</summary>
public sealed record InstanceCommand(SourceLocation Location, string? InstanceId, string? ModuleId) : Command(Location);

/// <summary><c>(register "name" $id?)</c>: makes an instance's exports importable under <paramref name="Name"/>.</summary>
public sealed record RegisterCommand(SourceLocation Location, string Name, string? ModuleId) : Command(Location);

/// <summary>An action on an instance (the current one when <paramref name="ModuleId"/> is null).</summary>
public abstract record ScriptAction(SourceLocation Location, string? ModuleId, string Name);

/// <summary><c>(invoke $id? "name" arg*)</c>. <c>ref.extern N</c> arguments refer to <see cref="HostReference"/>(N).</summary>
public sealed record InvokeAction(SourceLocation Location, string? ModuleId, string Name, EquatableArray<Value> Arguments)
    : ScriptAction(Location, ModuleId, Name)
{
    /// <summary>
    /// The lane shape each <c>v128</c> argument was written in, one entry per v128 argument in order
    /// (the value itself is only bits; converters such as wast2json keep the notation). Empty when unknown.
    /// </summary>
    public EquatableArray<V128Shape> VectorShapes { get; init; }
}

/// <summary><c>(get $id? "name")</c>: reads an exported global.</summary>
public sealed record GetAction(SourceLocation Location, string? ModuleId, string Name) : ScriptAction(Location, ModuleId, Name);

/// <summary>An action on its own: performed, its results ignored.</summary>
public sealed record ActionCommand(SourceLocation Location, ScriptAction Action) : Command(Location);

/// <summary><c>(assert_return action result*)</c>.</summary>
public sealed record AssertReturn(SourceLocation Location, ScriptAction Action, EquatableArray<ResultPattern> Expected) : Command(Location);

/// <summary><c>(assert_trap action "message")</c>: the action traps with a message starting with <paramref name="Message"/>.</summary>
public sealed record AssertTrap(SourceLocation Location, ScriptAction Action, string Message) : Command(Location);

/// <summary><c>(assert_exhaustion action "message")</c>: the action exhausts a resource (call stack).</summary>
public sealed record AssertExhaustion(SourceLocation Location, ScriptAction Action, string Message) : Command(Location);

/// <summary><c>(assert_exception action)</c>: the action throws a WebAssembly exception.</summary>
public sealed record AssertException(SourceLocation Location, ScriptAction Action) : Command(Location);

/// <summary><c>(assert_malformed module "message")</c>: decoding or parsing the module fails.</summary>
public sealed record AssertMalformed(SourceLocation Location, ModuleCommand Module, string Message) : Command(Location);

/// <summary><c>(assert_invalid module "message")</c>: validating the module fails.</summary>
public sealed record AssertInvalid(SourceLocation Location, ModuleCommand Module, string Message) : Command(Location);

/// <summary><c>(assert_malformed_custom module "message")</c>: a custom section or annotation of the module is malformed.</summary>
public sealed record AssertMalformedCustom(SourceLocation Location, ModuleCommand Module, string Message) : Command(Location);

/// <summary><c>(assert_invalid_custom module "message")</c>: a custom section or annotation of the module is invalid.</summary>
public sealed record AssertInvalidCustom(SourceLocation Location, ModuleCommand Module, string Message) : Command(Location);

/// <summary>
/// <c>(assert_unlinkable module "message")</c>: instantiating fails while linking the imports.
/// <paramref name="Module"/> is a <see cref="ModuleCommand"/> or an <see cref="InstanceCommand"/>.
/// </summary>
public sealed record AssertUnlinkable(SourceLocation Location, Command Module, string Message) : Command(Location);

/// <summary>
/// <c>(assert_trap module "message")</c>: instantiating traps (in the start function or a segment).
/// <paramref name="Module"/> is a <see cref="ModuleCommand"/> or an <see cref="InstanceCommand"/>.
/// </summary>
public sealed record AssertUninstantiable(SourceLocation Location, Command Module, string Message) : Command(Location);
