using WasmConform.Engine.Embedding;
using WasmConform.Engine.Syntax;
using WasmConform.Fuzz.Generator;
using WasmConform.Fuzz.Oracle;

namespace WasmConform.Fuzz.Campaign;

/// <summary>An exported function a case calls, with its arguments; or why it is not called.</summary>
/// <param name="Export">The export name.</param>
/// <param name="Type">The function's type.</param>
/// <param name="Args">The arguments, or null when the function cannot be called from outside.</param>
/// <param name="Skipped">Why it is not called (a parameter no embedder can supply).</param>
public sealed record PlannedCall(string Export, FuncType Type, EquatableArray<Value>? Args, string? Skipped = null);

/// <summary>
/// The calls of a case: every exported function in export order, with arguments derived from the
/// seed and case index alone (so that case <c>i</c> of seed <c>S</c> is the same everywhere),
/// whichever engines run it.
/// </summary>
/// <remarks>
/// Numbers come from the generator's pool of interesting constants (edges, small numbers, random
/// bits). A NaN argument always has its quiet bit set: V8 quiets signalling NaNs when they cross
/// the JavaScript boundary, so a signalling NaN would reach V8's code as another value.
/// <c>externref</c> parameters get a null or a host reference <c>ref.extern 0…3</c>, other
/// nullable references a null; a function with a non-nullable parameter of another reference type
/// is not called, since nothing outside the module can make such a value.
/// </remarks>
public static class CallPlan
{
    /// <summary>Mixed into the seed so that arguments are independent of the module's own choices.</summary>
    private const ulong ArgumentSalt = 0xA76D_4F1B_92C3_0E85;

    /// <summary>Bytes of choices for one case's arguments (when they run out, arguments are zeros and nulls).</summary>
    private const int InputBytes = 2048;

    /// <summary>The calls of module <paramref name="index"/> of seed <paramref name="seed"/>.</summary>
    public static IReadOnlyList<PlannedCall> Of(Module module, ulong seed, long index)
    {
        var u = new ChoiceStream(SeedInput.Bytes(seed ^ ArgumentSalt, index, InputBytes));
        var types = module.SubTypes.ToArray();
        var functionTypes = module.ImportsOf(ExternKind.Func).Select(i => ((ExternFunc)i.Type).TypeIndex)
            .Concat(module.Functions.Select(f => f.TypeIndex)).ToArray();
        var calls = new List<PlannedCall>();
        foreach (var export in module.Exports)
        {
            if (export.Kind != ExternKind.Func || export.Index >= functionTypes.Length) continue;
            if (types[functionTypes[export.Index]].Comp is not FuncType type) continue;
            var unusable = type.Params.Where(p => p.IsRef && !p.Ref.Nullable && p.Ref.Heap.Kind != HeapKind.Extern).Take(1).ToArray();
            calls.Add(unusable.Length > 0
                ? new PlannedCall(export.Name, type, null, $"no embedder can pass a {unusable[0]}")
                : new PlannedCall(export.Name, type, [.. type.Params.Select(p => Argument(u, p))]));
        }
        return calls;
    }

    /// <summary>The steps of a case: compile, instantiate, then the calls that are made.</summary>
    public static IReadOnlyList<CaseStep> Steps(IReadOnlyList<PlannedCall> calls) =>
        [CaseStep.Compile, CaseStep.Instantiate, .. calls.Where(c => c.Args is not null).Select(c => CaseStep.Invoke(c.Export, c.Args!.Value))];

    /// <summary>An argument of type <paramref name="type"/>.</summary>
    public static Value Argument(ChoiceStream u, ValType type)
    {
        if (type.IsRef)
        {
            bool host = type.Ref.Heap.Kind == HeapKind.Extern && (!type.Ref.Nullable || u.Bool());
            return host ? Value.Ref(HeapType.Extern, new HostReference((uint)u.Int(0, 3))) : Value.Null(type.Ref.Heap);
        }
        return Constants.Random(u, type) switch
        {
            I32ConstInstruction c => Value.I32(c.Value),
            I64ConstInstruction c => Value.I64(c.Value),
            F32ConstInstruction c => Value.F32Bits(Quiet(c.Bits)),
            F64ConstInstruction c => Value.F64Bits(Quiet(c.Bits)),
            V128ConstInstruction c => Value.V128(c.Low, c.High),
            var other => throw new InvalidOperationException($"no argument from {other}"),
        };
    }

    private static uint Quiet(uint bits) => float.IsNaN(BitConverter.UInt32BitsToSingle(bits)) ? bits | 0x0040_0000 : bits;

    private static ulong Quiet(ulong bits) => double.IsNaN(BitConverter.UInt64BitsToDouble(bits)) ? bits | 0x0008_0000_0000_0000 : bits;
}
