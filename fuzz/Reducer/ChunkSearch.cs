namespace WasmConform.Fuzz.Reducer;

/// <summary>
/// Delta debugging over a list: remove items in chunks, first all of them, then halves,
/// quarters, … single items, keeping every removal that still shows the divergence. A kept
/// removal shortens the list; the search goes on at the same position.
/// </summary>
internal static class ChunkSearch
{
    /// <summary>Removes what it can from a list of <paramref name="count"/> items.</summary>
    /// <param name="count">How many items the list has now.</param>
    /// <param name="tryRemove">Tries removing <c>length</c> items from position <c>start</c> of the current list; true when the removal was kept.</param>
    /// <param name="stop">Whether the budget is spent.</param>
    /// <returns>Whether anything was removed.</returns>
    public static bool Run(int count, Func<int, int, bool> tryRemove, Func<bool> stop)
    {
        bool removed = false;
        for (int chunk = count; chunk >= 1 && count > 0; chunk = chunk == 1 ? 0 : Math.Max(1, chunk / 2))
        {
            int start = 0;
            while (start < count && !stop())
            {
                int length = Math.Min(chunk, count - start);
                if (tryRemove(start, length))
                {
                    count -= length;
                    removed = true;
                }
                else start += length;
            }
            if (stop()) break;
        }
        return removed;
    }
}
