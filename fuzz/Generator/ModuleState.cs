using WasmConform.Engine;
using WasmConform.Engine.Syntax;

namespace WasmConform.Fuzz.Generator;

/// <summary>A memory of the module being generated.</summary>
internal sealed record MemoryInfo(MemType Type)
{
    /// <summary>Bytes every run can count on: the initial size (memories never shrink).</summary>
    public ulong MinBytes => Type.Limits.Min * Type.PageSize;

    public ValType Addr => ValueTypes.Of(Type.AddrType);
}

/// <summary>A table of the module being generated.</summary>
internal sealed record TableInfo(TableType Type)
{
    public ValType Elem => new(Type.ElemType);

    public ValType Addr => ValueTypes.Of(Type.AddrType);
}

/// <summary>An element or data segment, with what guards may assume about it.</summary>
/// <param name="Elem">Element type (element segments only).</param>
/// <param name="Length">Number of elements or bytes.</param>
/// <param name="Passive">Passive segments stay readable after instantiation; active and declarative ones are dropped.</param>
/// <param name="Droppable">Whether generated code may drop it.</param>
internal sealed record SegmentInfo(RefType Elem, int Length, bool Passive, bool Droppable)
{
    /// <summary>How many elements or bytes <c>memory.init</c>/<c>table.init</c> can always read.</summary>
    public int SafeLength => Passive && !Droppable ? Length : 0;
}

/// <summary>
/// The module-level state while a module is generated: its choice stream and configuration,
/// the type table, and the index spaces built so far, which the function generator reads.
/// </summary>
internal sealed partial class ModuleState(ChoiceStream u, GeneratorConfig config)
{
    public ChoiceStream U { get; } = u;
    public GeneratorConfig Config { get; } = config;
    public FeatureSwitches Features => Config.Features;
    public TypeTable Types { get; } = new();

    /// <summary>The type index of each function, imports first.</summary>
    public List<uint> FuncTypes { get; } = [];
    public List<MemoryInfo> Memories { get; } = [];
    public List<TableInfo> Tables { get; } = [];
    public List<Global> Globals { get; } = [];
    public List<ElementSegment> Elements { get; } = [];
    public List<SegmentInfo> ElementInfo { get; } = [];
    public List<DataSegment> Datas { get; } = [];
    public List<SegmentInfo> DataInfo { get; } = [];
    /// <summary>Struct and array types (with GC), in index order.</summary>
    public List<uint> GcTypes { get; } = [];
    /// <summary>The type index of each tag (with exception handling).</summary>
    public List<uint> Tags { get; } = [];

    public int DefinedFunctions => FuncTypes.Count - (int)GeneratedModule.ImportedFunctions;

    public FuncType FuncType(uint funcIndex) => Types.Func(FuncTypes[(int)funcIndex]);

    /// <summary>
    /// A value type the configuration allows: numbers, and with the features on, v128,
    /// funcref and externref, anyref, eqref, i31ref, structref, arrayref, exnref, and nullable
    /// (or, if <paramref name="nonNull"/> allows, non-null) references to the types of
    /// functions defined so far and to struct and array types. A type at the module's
    /// <paramref name="boundary"/> is one of the first six when <see cref="GeneratorConfig.BasicBoundaryTypes"/>
    /// says so, and no <c>v128</c> without <see cref="GeneratorConfig.V128AtBoundary"/>.
    /// </summary>
    public ValType RandomValType(bool nonNull = false, bool boundary = false)
    {
        var f = Features;
        if (boundary && Config.BasicBoundaryTypes) f = f with { Gc = false, Exceptions = false, FunctionReferences = false };
        if (boundary && !Config.V128AtBoundary) f = f with { Simd = false };
        bool functions = f.FunctionReferences && DefinedFunctions > 0;
        bool gcTypes = f.Gc && GcTypes.Count > 0;
        int pick = U.Weighted([
            3, 3, 3, 3, f.Simd ? 2 : 0,
            f.ReferenceTypes ? 1 : 0, f.ReferenceTypes ? 1 : 0,
            f.Gc ? 1 : 0, f.Exceptions ? 1 : 0,
            functions ? 1 : 0, functions && nonNull ? 1 : 0,
            gcTypes ? 2 : 0, gcTypes && nonNull ? 1 : 0, f.Gc && nonNull ? 1 : 0,
        ]);
        return pick switch
        {
            0 => ValType.I32,
            1 => ValType.I64,
            2 => ValType.F32,
            3 => ValType.F64,
            4 => ValType.V128,
            5 => ValType.FuncRef,
            6 => ValType.ExternRef,
            7 => ValueTypes.Abstract(U.Pick(GcAbstract)),
            8 => ValType.ExnRef,
            9 or 10 => new ValType(new RefType(pick == 9, HeapType.Concrete(FuncTypes[RandomDefinedFunction()]))),
            11 or 12 => new ValType(new RefType(pick == 11, HeapType.Concrete(U.Pick(GcTypes)))),
            _ => ValueTypes.NonNull(ValueTypes.Abstract(HeapKind.I31)),
        };
    }

    private static readonly HeapKind[] GcAbstract = [HeapKind.Any, HeapKind.Eq, HeapKind.I31, HeapKind.Struct, HeapKind.Array];

    /// <summary>A defined function's index (imports excluded); there is at least one once signatures exist.</summary>
    public int RandomDefinedFunction() => U.Int((int)GeneratedModule.ImportedFunctions, FuncTypes.Count - 1);

    /// <summary>A list of up to <paramref name="max"/> random value types (see <see cref="RandomValType"/>).</summary>
    public ValType[] RandomValTypes(int max, bool nonNull = false, bool boundary = false)
    {
        var types = new ValType[U.Int(0, max)];
        for (int i = 0; i < types.Length; i++) types[i] = RandomValType(nonNull, boundary);
        return types;
    }

    /// <summary>The most results a function or block may have under the configuration.</summary>
    public int MaxResults => Features.MultiValue ? Config.Limits.MaxResults : Math.Min(1, Config.Limits.MaxResults);

    /// <summary>A constant expression (§3.3.10) of type <paramref name="t"/>, which <see cref="CanMake(ValType)"/> must allow.</summary>
    public EquatableArray<Instruction> ConstExpr(ValType t)
    {
        if (t.IsRef) return MakeRef(t).Code.ToEquatableArray();
        if (Features.ExtendedConst && t.Kind is ValTypeKind.I32 or ValTypeKind.I64 && U.Chance(20))
        {
            bool wide = t.Kind == ValTypeKind.I64;
            var op = U.Int(0, 2) switch
            {
                0 => wide ? Opcode.I64Add : Opcode.I32Add,
                1 => wide ? Opcode.I64Sub : Opcode.I32Sub,
                _ => wide ? Opcode.I64Mul : Opcode.I32Mul,
            };
            return [Constants.Random(U, t), Constants.Random(U, t), new Instruction(op)];
        }
        return [Constants.Random(U, t)];
    }

    /// <summary>The constant expression of an address <paramref name="value"/> of type <paramref name="addr"/>.</summary>
    public static EquatableArray<Instruction> Offset(ValType addr, ulong value) =>
        [addr.Kind == ValTypeKind.I64 ? new I64ConstInstruction((long)value) : new I32ConstInstruction((int)value)];

    /// <summary>Defined functions whose references have heap type <paramref name="heap"/> (func: all).</summary>
    public List<uint> FunctionsOfHeap(HeapType heap)
    {
        var list = new List<uint>();
        for (uint f = GeneratedModule.ImportedFunctions; f < FuncTypes.Count; f++)
            if (heap.Kind == HeapKind.Func || (heap.IsConcrete && FuncTypes[(int)f] == heap.Index)) list.Add(f);
        return list;
    }
}
