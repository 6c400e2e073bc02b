#!/usr/bin/env python3
"""Writes the hand-made files of the changeset fuzz corpus (Tests/FuzzCorpus/changeset/{valid,edge}-*.concord)
and its minimised reproducers (Tests/FuzzCorpus/changeset/regressions/).

Usage, from the repository root:  python3 Tests/FuzzCorpus/make-changeset-edge-cases.py
Each case is a format-v1 file (sync/FORMAT.md) that is valid up to one deliberate
problem, so the fuzzer starts next to the decoder's checks rather than at random bytes.
The edge-v3-* cases are the format 3 sample (sync/samples/02-bo-edits.concord) with one
problem in its range proofs or its compressed record stream, resealed with a matching SHA-256
so the reader gets as far as the problem (the writer's signature no longer verifies, but the
stream is read before the trailer).
"""
import hashlib
import os
import struct
import zlib

OUT = "Tests/FuzzCorpus/changeset"
MAGIC = bytes.fromhex("89434F4E434F52440D0A1A0A")
END = bytes.fromhex("89454E440D0A1A0A")
ORIGIN = bytes.fromhex("0123456789abcdef0123456789abcdef")
OTHER = bytes.fromhex("fedcba9876543210fedcba9876543210")
SAMPLE = "sync/samples/v2/02-bo-edits.concord"
SAMPLE_V3 = "sync/samples/02-bo-edits.concord"
RANGE_V3 = 16 + 8 + 8 + 1 + 32 + 64


def header(records, ranges, vector=(), baseline=b"empty", version=1, flags=0, schema=1):
    fixed = MAGIC + struct.pack(">HHI", version, flags, schema) + ORIGIN
    fixed += struct.pack(">QIIIH", 1_700_000_000_000, records, len(ranges), len(vector), len(baseline))
    fixed += bytes(64 - len(fixed))
    tables = b"".join(replica + struct.pack(">QQ", first, last) for replica, first, last in ranges)
    tables += b"".join(replica + struct.pack(">Q", sequence) for replica, sequence in vector)
    return fixed + tables + baseline


def record(replica, sequence, changeset=b"", author=b"Fuzz", summary=b"edge case", dependencies=()):
    body = replica + struct.pack(">QQI", sequence, 1_700_000_000_000 << 16, len(dependencies))
    body += b"".join(r + struct.pack(">Q", s) for r, s in dependencies)
    body += struct.pack(">H", len(author)) + author + struct.pack(">I", len(summary)) + summary
    body += struct.pack(">I", len(changeset)) + changeset
    return struct.pack(">I", len(body)) + body


def sealed(content):
    content += END
    return content + hashlib.sha256(content).digest()


def write(name, data):
    os.makedirs(os.path.dirname(os.path.join(OUT, name)), exist_ok=True)
    with open(os.path.join(OUT, name), "wb") as file:
        file.write(data)


def resealed(data):
    """`data` with its last 32 bytes replaced by the SHA-256 of the rest."""
    return data[:-32] + hashlib.sha256(data[:-32]).digest()


def v3_parts(sample):
    """(offset of the range table, offset of the stream lengths, inflated, compressed) of a format 3 file."""
    ranges, vector, baseline, keys = struct.unpack(">IIHH", sample[48:60])
    info = 64 + ranges * RANGE_V3 + vector * 24 + baseline + keys * 48
    inflated, compressed = struct.unpack(">QQ", sample[info:info + 16])
    return 64, info, inflated, compressed


def v3_cases(sample):
    """Format 3 edge cases derived from the format 3 sample."""
    table, info, inflated, compressed = v3_parts(sample)
    stream = info + 16
    records = zlib.decompress(sample[stream:stream + compressed])
    trailer = sample[stream + compressed:]

    def with_stream(raw, declared=None):
        packed = zlib.compress(raw, 6)
        size = len(raw) if declared is None else declared
        return resealed(sample[:info] + struct.pack(">QQ", size, len(packed)) + packed + trailer)

    return {
        "edge-v3-truncated-stream.concord": sample[:stream + compressed // 2],
        "edge-v3-corrupt-stream.concord": resealed(
            sample[:stream + compressed // 2] + bytes([sample[stream + compressed // 2] ^ 0x55]) + sample[stream + compressed // 2 + 1:]),
        "edge-v3-inflates-past-declared.concord": with_stream(records, declared=inflated - 1),
        "edge-v3-inflates-short-of-declared.concord": with_stream(records, declared=inflated + 5),
        "edge-v3-inflation-ratio.concord": resealed(sample[:info] + struct.pack(">Q", 1 << 62) + sample[info + 8:]),
        "edge-v3-unknown-proof-kind.concord": resealed(sample[:table + 32] + b"\x07" + sample[table + 33:]),
        "edge-v3-range-index-past-end.concord": with_stream(b"\x05" + records[1:]),
        "edge-v3-record-length-past-stream.concord": with_stream(records[:1] + b"\xff\xff\xff\x03" + records[2:]),
        "edge-v3-garbage-after-stream.concord": resealed(
            sample[:info] + struct.pack(">QQ", inflated, compressed + 3) + sample[stream:stream + compressed] + b"abc" + trailer),
    }


def main():
    sample = open(SAMPLE, "rb").read()
    # An SQLite changeset: one INSERT into table "t" (2 columns, first is the key) of (1, 'x').
    insert = b"T\x02\x01\x00t\x00" + b"\x12\x00" + b"\x01" + struct.pack(">q", 1) + b"\x03\x01x"
    write("edge-empty.concord", b"")
    write("edge-magic-only.concord", MAGIC)
    write("edge-truncated-header.concord", sample[:40])
    write("valid-zero-records.concord", sealed(header(0, [])))
    write("valid-one-record.concord", sealed(header(1, [(ORIGIN, 1, 1)]) + record(ORIGIN, 1, insert)))
    write("valid-two-replicas.concord", sealed(
        header(2, [(ORIGIN, 1, 1), (OTHER, 4, 4)], vector=[(ORIGIN, 1), (OTHER, 4)])
        + record(ORIGIN, 1, insert) + record(OTHER, 4, insert, dependencies=[(ORIGIN, 1)])))
    write("edge-huge-record-count.concord", sealed(header(0xFFFFFFFF, [(ORIGIN, 1, 0xFFFFFFFF)])))
    write("edge-huge-range-count.concord", sealed(header(1, [(ORIGIN, 1, 1)]))[:48] + struct.pack(">I", 0x00100000)
          + sealed(header(1, [(ORIGIN, 1, 1)]))[52:])
    write("edge-huge-record-length.concord", header(1, [(ORIGIN, 1, 1)]) + struct.pack(">I", 1 << 30) + bytes(64))
    write("edge-huge-dependency-count.concord", sealed(header(1, [(ORIGIN, 1, 1)])
          + record(ORIGIN, 1, insert)[:4 + 32] + struct.pack(">I", 0xFFFF) + record(ORIGIN, 1, insert)[4 + 36:]))
    write("edge-truncated-record.concord", sample[:-100])
    write("edge-truncated-trailer.concord", sample[:-20])
    write("edge-flipped-changeset-byte.concord", sample[:-60] + bytes([sample[-60] ^ 0x40]) + sample[-59:])
    write("edge-trailing-bytes.concord", sample + b"\x00")
    write("edge-newer-format.concord", sealed(header(0, [], version=9)))
    write("edge-not-a-changeset.concord", b"SQLite format 3\x00" + bytes(48))
    write("edge-garbage-changeset.concord", sealed(header(1, [(ORIGIN, 1, 1)]) + record(ORIGIN, 1, b"T\xff\xff\xff\xff")))
    for name, data in v3_cases(open(SAMPLE_V3, "rb").read()).items():
        write(name, data)
    # Minimised reproducers of what the fuzzer found (replayed by ChangesetDecoderFuzzRegressionTests).
    # SQLite 3.40.1's changeset iterator looped forever on a table header whose name has no
    # terminating NUL, or whose column count runs past the end (found 2026-11-22, 19:08 UTC).
    write("regressions/timeout-unterminated-table-name.concord",
          sealed(header(1, [(ORIGIN, 1, 1)]) + record(ORIGIN, 1, b"T\x01\x01x")))
    write("regressions/timeout-column-count-past-end.concord",
          sealed(header(1, [(ORIGIN, 1, 1)]) + record(ORIGIN, 1, b"T\x7f\x01")))


if __name__ == "__main__":
    main()
