using WasmConform.Engine;
using WasmConform.Engine.Syntax;
using WasmConform.Engine.Validation;

namespace WasmConform.Fuzz.Reducer;

/// <summary>A stretch of a function body that leaves exactly one value more on the stack than it found: a subexpression.</summary>
/// <param name="Start">Index of its first instruction.</param>
/// <param name="End">Index of its last instruction (the one that leaves the value).</param>
/// <param name="Type">The value's type, with module type indices.</param>
public readonly record struct Subexpression(int Start, int End, ValType Type)
{
    /// <summary>Instructions in it.</summary>
    public int Length => End - Start + 1;
}

/// <summary>
/// What validation knows of a valid module's function bodies: the operand stack after each
/// instruction (<see cref="Validator.Observing"/>), and from it
/// the subexpressions of each body with their types.
/// </summary>
public sealed class BodyTypes
{
    private readonly List<OperandState>[] _states;
    private readonly Dictionary<uint, uint> _moduleIndex = [];

    private BodyTypes(Module module, Features features)
    {
        _states = [.. module.Functions.Select(_ => new List<OperandState>())];
        var validated = Validator.Observing(module, features, (f, _, state) => _states[f].Add(state));
        for (int i = validated.Types.Count - 1; i >= 0; i--) _moduleIndex[validated.Types[i].Id] = (uint)i;
    }

    /// <summary>The body types of <paramref name="module"/>, which must be valid under <paramref name="features"/>.</summary>
    /// <exception cref="InvalidException">It is not.</exception>
    public static BodyTypes Of(Module module, Features features) => new(module, features);

    /// <summary>The operand stack after each instruction of defined function <paramref name="function"/>.</summary>
    public IReadOnlyList<OperandState> States(int function) => _states[function];

    /// <summary>
    /// The subexpressions of defined function <paramref name="function"/>: for each instruction in
    /// reachable code that leaves one new value on top (its stack went down to just below it and
    /// up to it), the instructions back to where the stack was last one lower in the same block,
    /// none of them touching what lies below.
    /// </summary>
    public IEnumerable<Subexpression> Subexpressions(int function)
    {
        var states = _states[function];
        for (int end = 0; end < states.Count; end++)
        {
            var after = states[end];
            if (after.Unreachable || after.Top is not { } top || after.Floor != after.Height - 1) continue;
            if (StartOf(states, end) is { } start) yield return new Subexpression(start, end, ModuleRelative(top));
        }
    }

    /// <summary>Where the subexpression that leaves the top value after <paramref name="end"/> starts; null when it cannot be told.</summary>
    private static int? StartOf(List<OperandState> states, int end)
    {
        var after = states[end];
        int below = after.Height - 1;
        for (int k = end; k >= 0; k--)
        {
            var before = k == 0 ? Entry : states[k - 1];
            if (states[k].Floor < below || before.Depth < after.Depth || (before.Unreachable && before.Depth == after.Depth)) return null;
            if (before.Height == below && before.Depth == after.Depth) return k;
        }
        return null;
    }

    /// <summary>The operand stack before a body's first instruction.</summary>
    private static readonly OperandState Entry = new(0, 0, 1, false, null);

    /// <summary>
    /// For each instruction of defined function <paramref name="function"/> that only consumes the
    /// top value (<c>drop</c>, <c>local.set</c>, <c>global.set</c>), the subexpression that produced
    /// that value, when nothing between them touches it: removing both leaves the rest as it was.
    /// </summary>
    public IEnumerable<(Subexpression Producer, int Consumer)> Consumed(int function, IReadOnlyList<Instruction> body)
    {
        var states = _states[function];
        var producers = Subexpressions(function).ToDictionary(s => s.End);
        for (int d = 1; d < states.Count && d < body.Count; d++)
        {
            if (body[d].Op is not (Opcode.Drop or Opcode.LocalSet or Opcode.GlobalSet) || states[d - 1].Unreachable) continue;
            int slot = states[d].Floor, depth = states[d].Depth;
            for (int k = d - 1; k >= 0; k--)
            {
                var at = states[k];
                if (at.Depth < depth || at.Floor < slot) break;
                if (at.Floor > slot) continue;
                if (at.Depth == depth && at.Height == slot + 1 && producers.TryGetValue(k, out var producer)) yield return (producer, d);
                break;
            }
        }
    }

    /// <summary>A canonical type from validation with its concrete heap type as a module type index.</summary>
    public ValType ModuleRelative(ValType canonical) =>
        canonical.IsRef && canonical.Ref.Heap.IsConcrete && _moduleIndex.TryGetValue(canonical.Ref.Heap.Index, out var index)
            ? new ValType(canonical.Ref with { Heap = canonical.Ref.Heap with { Index = index } })
            : canonical;
}
