namespace DiscScope.Imaging.Formats.Common;

/// <summary>Reads that turn short data, broken compression and I/O failures into <see cref="ImageFormatException"/>.</summary>
internal static class StreamReading
{
    /// <summary>Fills <paramref name="buffer"/> from <paramref name="s"/>; <paramref name="offset"/> is where the read starts in the (decompressed) file.</summary>
    public static void Exactly(Stream s, Span<byte> buffer, string path, long offset, string what)
    {
        var got = s.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        if (got < buffer.Length)
            throw new ImageFormatException(path, $"{what} is truncated: expected {buffer.Length} bytes, found {got}", offset + got);
    }

    /// <summary>Discards <paramref name="count"/> bytes (for streams that cannot seek).</summary>
    public static void Skip(Stream s, long count, string path, long offset, string what)
    {
        var tmp = new byte[Math.Min(count, 81920)];
        var left = count;
        while (left > 0)
        {
            var n = s.Read(tmp, 0, (int)Math.Min(left, tmp.Length));
            if (n == 0) throw new ImageFormatException(path, $"{what} is truncated: {left} of {count} bytes missing", offset + count - left);
            left -= n;
        }
    }

    /// <summary>
    /// Reads a decompressing stream to its end and discards what follows the payload, so that the decoder reaches the
    /// stream trailer and checks it (gzip CRC-32 and length, zlib Adler-32): corruption there becomes InvalidDataException.
    /// Bounded: a finite compressed input can only expand so far. A trailer cut off entirely is not detected (.NET reports
    /// a clean end of stream), but then the voxel data before it was complete.
    /// </summary>
    public static void DrainToEnd(Stream s)
    {
        var tmp = new byte[81920];
        while (s.Read(tmp, 0, tmp.Length) > 0) { }
    }

    /// <summary>
    /// Runs a read, converting the failures bad input can cause (I/O, invalid compressed data, arithmetic overflow,
    /// invalid geometry) into <see cref="ImageFormatException"/> naming the file.
    /// </summary>
    public static T Guard<T>(string path, Func<T> read)
    {
        try { return read(); }
        catch (ImageFormatException) { throw; }
        catch (InvalidDataException e) { throw new ImageFormatException(path, "corrupt compressed data: " + e.Message, null, e); }
        catch (IOException e) { throw new ImageFormatException(path, "cannot read: " + e.Message, null, e); }
        catch (UnauthorizedAccessException e) { throw new ImageFormatException(path, "cannot read: " + e.Message, null, e); }
        catch (OverflowException e) { throw new ImageFormatException(path, "value out of range: " + e.Message, null, e); }
        catch (ArgumentException e) { throw new ImageFormatException(path, "invalid image description: " + e.Message, null, e); }
        catch (InvalidOperationException e) { throw new ImageFormatException(path, "invalid image description: " + e.Message, null, e); }
    }
}
