using WasmConform.Engine.Syntax;

namespace WasmConform.Engine.Validation;

/// <summary>Which composite type (§2.3.6) a <see cref="DefType"/> expands to.</summary>
public enum CompKind : byte { Func, Struct, Array }

/// <summary>
/// A canonical defined type (§2.3.7 <c>deftype</c>): one member of an interned recursive
/// type group. Types are compared iso-recursively (§3.3.3): two defined types are equal
/// exactly when they are the same object, which is when their <see cref="Id"/>s are equal.
/// </summary>
/// <remarks>
/// Every concrete heap type inside <see cref="Sub"/> (field types, parameters, results and
/// the declared supertypes) is canonical: <c>HeapType(HeapKind.Concrete, i)</c> names the
/// defined type whose <see cref="Id"/> is <c>i</c>, resolvable with <see cref="TypeRegistry.Get"/>.
/// Instances are created only by <see cref="TypeRegistry"/> and live for the whole process.
/// </remarks>
public sealed class DefType
{
    private DefType[] _chain = [];

    internal DefType(uint id, SubType sub, int groupIndex)
    {
        Id = id;
        Sub = sub;
        GroupIndex = groupIndex;
        Func = sub.Comp as FuncType;
        Struct = sub.Comp as StructType;
        Array = sub.Comp as ArrayType;
        Kind = Func is not null ? CompKind.Func : Struct is not null ? CompKind.Struct : CompKind.Array;
    }

    /// <summary>The process-wide canonical id: equal types have equal ids, and only they.</summary>
    public uint Id { get; }

    /// <summary>The sub type in canonical form (supertypes as canonical ids).</summary>
    public SubType Sub { get; }

    /// <summary>Whether the type is final (cannot be declared as a supertype).</summary>
    public bool Final => Sub.Final;

    /// <summary>The kind of <see cref="Comp"/>.</summary>
    public CompKind Kind { get; }

    /// <summary>The composite type (§3.1.4 expansion of the defined type).</summary>
    public CompType Comp => Sub.Comp;

    /// <summary>The function type, when <see cref="Kind"/> is <see cref="CompKind.Func"/>.</summary>
    public FuncType? Func { get; }

    /// <summary>The structure type, when <see cref="Kind"/> is <see cref="CompKind.Struct"/>.</summary>
    public StructType? Struct { get; }

    /// <summary>The array type, when <see cref="Kind"/> is <see cref="CompKind.Array"/>.</summary>
    public ArrayType? Array { get; }

    /// <summary>The declared supertype, if any.</summary>
    public DefType? Super => Depth == 0 ? null : _chain[Depth - 1];

    /// <summary>Number of declared supertypes above this one (0 for a type without supertype).</summary>
    public int Depth { get; private set; }

    /// <summary>The members of the recursive group this type belongs to, in declaration order.</summary>
    public IReadOnlyList<DefType> Group { get; private set; } = [];

    /// <summary>This type's position in <see cref="Group"/>.</summary>
    public int GroupIndex { get; }

    /// <summary>
    /// §3.3.3 defined-type matching: whether this type is <paramref name="super"/> or declares
    /// it, directly or transitively, as a supertype. Constant time.
    /// </summary>
    public bool IsSubtypeOf(DefType super)
    {
        if (ReferenceEquals(this, super)) return true;
        int d = super.Depth;
        return d < Depth && ReferenceEquals(_chain[d], super);
    }

    /// <summary>Sets the group and the supertype chain; called once by the registry while building a group.</summary>
    /// <param name="group">All members of the group.</param>
    /// <param name="super">The declared supertype, or null (also for a forward reference, which never validates).</param>
    internal void Link(DefType[] group, DefType? super)
    {
        Group = group;
        if (super is null)
        {
            Depth = 0;
            _chain = [this];
            return;
        }
        Depth = super.Depth + 1;
        var chain = new DefType[Depth + 1];
        super._chain.AsSpan(0, super.Depth + 1).CopyTo(chain);
        chain[Depth] = this;
        _chain = chain;
    }

    /// <summary>The type as the spec interpreter writes a defined type, e.g. <c>(func [i32] -> [])</c> or <c>((rec (struct) (func [] -> [])).1)</c>.</summary>
    public override string ToString() => TypeText.Of(this);
}
