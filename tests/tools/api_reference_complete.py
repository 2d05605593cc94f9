#!/usr/bin/env python3
"""api_reference_complete.py CLANGXX INCLUDE_DIR API_MD [--list]

Passes when docs/api.md names every public name of the HDK: each function,
type, constant and template of namespace hdk and its nested namespaces (minus
detail namespaces and the ABI plumbing listed in INTERNAL), each public member
function of those types, and each HDK_* macro the headers define.

The names come from clang's own AST (a JSON dump of a file that includes
every header under INCLUDE_DIR/hdk), not from regexes over the headers, so overloads, templates and
names a macro spells out are seen as the compiler sees them. A name counts as
documented when it is written in backticks on a markdown heading or table row
of API_MD (in a table, in its first column: the row's subject, not a name
its other columns mention), qualified from hdk (`create_entry`, `action::Create`,
`Path::append_component`, `host_fn::create`; a leading `hdk::` and template
arguments are ignored). `--list` prints the names instead of checking them.
"""

import json
import os
import re
import subprocess
import sys
import tempfile

# Namespaces inside hdk that are not a zome author's API: they are documented
# as a group in docs/api.md ("Internals"), not name by name.
INTERNAL = {
    "alloc",  # the guest allocator behind __hc__allocate_1/__hc__deallocate_1
    "native",  # the host stub's side of native mode (hdk/native.hpp)
    "runtime",  # static constructors in a module nobody calls _initialize on
    "blake2b",  # the hash function under hashing::, a textbook BLAKE2b
    "host_fn_access",  # the host's access rule (docs/host-functions.md tables it)
}

# Macros that only spell attributes (wasm import and export names).
INTERNAL_MACROS = {"HDK_IMPORT", "HDK_EXPORT"}

DECL_KINDS = {
    "FunctionDecl",
    "FunctionTemplateDecl",
    "CXXRecordDecl",
    "ClassTemplateDecl",
    "TypeAliasDecl",
    "TypedefDecl",
    "EnumDecl",
    "VarDecl",
}
MEMBER_FUNCTION_KINDS = {"CXXMethodDecl", "FunctionTemplateDecl"}
MEMBER_TYPE_KINDS = {"CXXRecordDecl", "ClassTemplateDecl", "TypeAliasDecl", "TypedefDecl", "EnumDecl"}


def is_detail(namespace):
    return namespace == "detail" or namespace.endswith("_detail")


def is_hook(node):
    # What HDK_STRUCT, HDK_ENUM and the other shape macros write into a type
    # (hdk_tie, hdk_shape, hdk_enum_names, ...): the macro is the API.
    return node.get("name", "").startswith("hdk_")


def public_members(record, owner, names):
    # clang writes "access" on some members only; the access specifiers
    # themselves come in order among the members.
    access = "private" if record.get("tagUsed") == "class" else "public"
    for member in record.get("inner", []):
        if member.get("kind") == "AccessSpecDecl":
            access = member.get("access", access)
            continue
        if member.get("isImplicit") or is_hook(member):
            continue
        if member.get("access", access) != "public":
            continue
        kind, name = member.get("kind"), member.get("name", "")
        if not name or name.startswith("operator"):
            continue
        if kind in MEMBER_FUNCTION_KINDS:
            names.add(owner + "::" + name)
        elif kind in MEMBER_TYPE_KINDS:
            names.add(owner + "::" + name)
            if kind == "CXXRecordDecl" and member.get("completeDefinition"):
                public_members(member, owner + "::" + name, names)


def is_out_of_line_member(node):
    # `template <..> R Type::f(..) {..}` at namespace scope: a member template
    # defined outside its class, listed with the class.
    return node.get("kind") == "FunctionTemplateDecl" and any(
        child.get("kind") in ("CXXMethodDecl", "CXXConstructorDecl", "CXXConversionDecl")
        for child in node.get("inner", []))


def collect(node, path, names):
    kind = node.get("kind")
    if node.get("isImplicit") or is_hook(node):
        return
    if kind == "NamespaceDecl":
        name = node.get("name", "")
        inner = path + [name]
        if is_detail(name) or (len(inner) == 2 and name in INTERNAL):
            return
        for child in node.get("inner", []):
            collect(child, inner, names)
        return
    # Outside namespace hdk (the C structs of the native ABI match the
    # filter too), and specializations of a template already listed.
    if not path or path[0] != "hdk" or kind not in DECL_KINDS:
        return
    name = node.get("name")
    if not name or is_out_of_line_member(node):
        return
    qualified = "::".join(path[1:] + [name])
    names.add(qualified)
    if kind == "CXXRecordDecl" and node.get("completeDefinition"):
        public_members(node, qualified, names)
    elif kind == "ClassTemplateDecl":
        for child in node.get("inner", []):
            if child.get("kind") == "CXXRecordDecl" and not child.get("isImplicit"):
                public_members(child, qualified, names)


def hdk_names(clangxx, include_dir):
    with tempfile.TemporaryDirectory() as tmp:
        source = os.path.join(tmp, "all.cpp")
        # Every header, not only those <hdk/hdk.hpp> reaches: a new header is
        # checked the day it is added.
        headers = sorted(
            os.path.relpath(os.path.join(root, name), include_dir)
            for root, _, files in os.walk(os.path.join(include_dir, "hdk"))
            for name in files if name.endswith(".hpp"))
        with open(source, "w") as f:
            f.write("#include <hdk/hdk.hpp>\n")
            f.writelines(f"#include <{header}>\n" for header in headers)
        base = [clangxx, "-std=c++17", "-I", include_dir]
        dump = subprocess.run(
            base + ["-fsyntax-only", "-Xclang", "-ast-dump=json", "-Xclang",
                    "-ast-dump-filter=hdk", source],
            stdout=subprocess.PIPE, check=True).stdout.decode()
        macros = subprocess.run(base + ["-E", "-dM", source], stdout=subprocess.PIPE,
                                check=True).stdout.decode()
    names = set()
    # The filter dumps each matching top-level declaration (every reopening
    # of namespace hdk) as its own JSON object, one after another.
    decoder = json.JSONDecoder()
    pos = 0
    while True:
        while pos < len(dump) and dump[pos].isspace():
            pos += 1
        if pos >= len(dump):
            break
        node, pos = decoder.raw_decode(dump, pos)
        collect(node, [], names)
    for match in re.finditer(r"^#define (HDK_\w+)", macros, re.M):
        macro = match.group(1)
        if "DETAIL" in macro or macro.endswith("_") or macro in INTERNAL_MACROS:
            continue
        names.add(macro)
    return names


def declared_name(span):
    """The name a declaration declares: `ExternResult<T> get(...)` is get,
    `struct Entry : TaggedVariant<...> {...}` is Entry, `using X = ...` is X,
    `T& ExternResult::value()` is ExternResult::value; a bare name is itself.
    Parameter and field types do not count as documented."""
    text = strip_template_arguments(span)
    text = re.split(r"[({=]|\s:\s", text, maxsplit=1)[0]
    paths = re.findall(r"(?<![\w:])(?:[A-Za-z_]\w*::)*[A-Za-z_]\w*", text)
    return paths[-1] if paths else None


def strip_template_arguments(text):
    previous = None
    while previous != text:
        previous = text
        text = re.sub(r"<[^<>]*>", "", text)
    return text


def first_cell(row):
    # The row's subject: up to the first "|" outside backticks.
    in_code = False
    for i, ch in enumerate(row):
        if ch == "`":
            in_code = not in_code
        elif ch == "|" and not in_code:
            return row[:i]
    return row


def documented_names(api_md):
    names = set()
    with open(api_md) as f:
        for line in f:
            if line.startswith("|"):
                line = first_cell(line[1:])
            elif not line.startswith("#"):
                continue
            for span in re.findall(r"`([^`]+)`", line):
                name = declared_name(span)
                if name:
                    names.add(name[len("hdk::"):] if name.startswith("hdk::") else name)
    return names


def main(argv):
    if len(argv) < 4:
        print(__doc__)
        return 2
    clangxx, include_dir, api_md = argv[1:4]
    try:
        names = hdk_names(clangxx, include_dir)
    except (OSError, subprocess.CalledProcessError) as failure:
        print(f"{clangxx} could not dump the headers' AST: {failure}")
        return 1
    # Names of each kind the walk must see: if a clang writes its dump in
    # another shape, fail rather than pass on a list with holes in it.
    expected = {"create_entry", "host_fn::create", "action::Create", "Path::append_component",
                "FlatOpTypes::OpEntry::CreateEntry", "ExternResult::value", "AgentPubKey",
                "HDK_EXTERN"}
    if not expected <= names:
        print(f"the AST walk missed {sorted(expected - names)}; is {clangxx} a clang?")
        return 1
    if "--list" in argv[4:]:
        print("\n".join(sorted(names)))
        return 0
    missing = sorted(names - documented_names(api_md))
    for name in missing:
        print(f"{api_md}: `{name}` is public in hdk/ but no heading or table row names it")
    print(f"{len(names) - len(missing)} of {len(names)} public names documented")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
