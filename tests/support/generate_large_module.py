#!/usr/bin/env python3
"""Writes a valid wasm module of FUNCTIONS distinct integer kernels, for
tests that need a module large enough to take a while to compile: the tiered
engine's large-module path starts at 2 MiB (2000 functions make 2.2 MB).
Written as binary directly, since its text would be ten times larger.
Usage: generate_large_module.py FUNCTIONS OUT.wasm"""
import sys

STEPS = 160  # statements per kernel: about 1.1 KB of wasm each


def leb(value):
    out = bytearray()
    while True:
        byte = value & 0x7F
        value >>= 7
        if value:
            out.append(byte | 0x80)
        else:
            out.append(byte)
            return bytes(out)


def sleb(value):
    out = bytearray()
    while True:
        byte = value & 0x7F
        value >>= 7
        done = (value == 0 and not byte & 0x40) or (value == -1 and byte & 0x40)
        out.append(byte if done else byte | 0x80)
        if done:
            return bytes(out)


def section(ident, payload):
    return bytes([ident]) + leb(len(payload)) + payload


def vector(items):
    return leb(len(items)) + b"".join(items)


def kernel(index):
    # (param i32) (result i32): mix the argument with constants of its own.
    body = bytearray(b"\x00")  # no locals
    body += b"\x20\x00"  # local.get 0
    for step in range(STEPS):
        constant = (index * 2654435761 + step * 40503) % (1 << 31)
        body += b"\x41" + sleb(constant) + (b"\x6c" if step % 2 else b"\x73")  # i32.mul / i32.xor
    body += b"\x0b"  # end
    return leb(len(body)) + bytes(body)


def main():
    functions, out = int(sys.argv[1]), sys.argv[2]
    module = b"\x00asm\x01\x00\x00\x00"
    module += section(1, vector([b"\x60\x01\x7f\x01\x7f"]))  # (i32) -> i32
    module += section(3, vector([leb(0)] * functions))
    module += section(5, vector([b"\x00\x01"]))  # one memory, one page
    exports = [leb(6) + b"memory" + b"\x02" + leb(0), leb(4) + b"mix0" + b"\x00" + leb(0)]
    module += section(7, vector(exports))
    module += section(10, vector([kernel(i) for i in range(functions)]))
    with open(out, "wb") as f:
        f.write(module)


if __name__ == "__main__":
    main()
