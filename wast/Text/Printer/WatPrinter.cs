using WasmConform.Engine.Syntax;

namespace WasmConform.Wast.Text;

/// <summary>How <see cref="WatPrinter"/> lays out instructions.</summary>
public enum WatStyle
{
    /// <summary>
    /// S-expressions (§6.5.9): operands nested in the instruction that consumes them, blocks as
    /// <c>(block …)</c>, <c>(if … (then …) (else …))</c>. Where nesting is not possible the
    /// instructions stay plain, in their original order.
    /// </summary>
    Folded,

    /// <summary>One plain instruction per line, indented by block depth, with explicit <c>end</c> (§6.5).</summary>
    Flat,
}

/// <summary>
/// The WebAssembly text format (§6) of a <see cref="Module"/>, for people and for parsers: the text
/// parses back (by the spec interpreter, wabt's <c>wat2wasm</c> or <see cref="WatParser"/>) to the
/// same module.
/// </summary>
/// <remarks>
/// <para>Every definition is written out explicitly, with an index comment <c>(;n;)</c>: types as
/// <c>(type …)</c> or <c>(rec …)</c>, functions with <c>(type n)</c> and their parameters, results
/// and locals, segments with their mode. Functions and locals are named <c>$name</c> after the name
/// section where that name is a valid, unique identifier; everything else is referred to by index.
/// Labels are relative indices as in the binary, each followed by a comment <c>(;@n;)</c> naming
/// the block it targets, numbered by depth (<c>block (;@1;)</c>). Constants are exact: integers in
/// decimal, floats as hexadecimal floats with NaN payloads kept, vectors as four i32 lanes. Custom
/// sections (the name section too) become <c>(@custom "name" (after section) "bytes")</c> annotations.</para>
/// <para>The module need not be valid: out-of-range indices print as they are, and a body whose
/// blocks do not nest prints flat. Nothing is thrown for any module.</para>
/// <para>What the text format cannot express is not printed: the data count section (parsers
/// derive it) and the binary's choice among equivalent encodings.</para>
/// </remarks>
public static class WatPrinter
{
    /// <summary>The text of <paramref name="module"/>, one field per line (or block of lines), ending in a newline.</summary>
    public static string Print(Module module, WatStyle style = WatStyle.Folded)
    {
        var ctx = new PrintContext(module, style);
        var w = new WatWriter();
        string? name = module.Names?.ModuleName is { } n && Identifiers.IsValid(n) ? "$" + n : null;
        w.Line(name is null ? "(module" : "(module " + name);
        w.Indent();
        ModuleFields.Types(ctx, w);
        ModuleFields.Imports(ctx, w);
        ModuleFields.Functions(ctx, w);
        ModuleFields.Tables(ctx, w);
        ModuleFields.Memories(ctx, w);
        ModuleFields.Tags(ctx, w);
        ModuleFields.Globals(ctx, w);
        ModuleFields.Exports(ctx, w);
        ModuleFields.Start(ctx, w);
        SegmentFields.Elements(ctx, w);
        SegmentFields.Datas(ctx, w);
        SegmentFields.Customs(ctx, w);
        w.Dedent();
        w.Close();
        return w.ToString();
    }
}
