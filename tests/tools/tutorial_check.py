#!/usr/bin/env python3
"""docs/tutorial.md's code, compiled as a reader would use it: runs the
tutorial's hdk-new command, applies each block marked
`<!-- tutorial-append: FILE -->` (added to the end of FILE) or
`<!-- tutorial-file: FILE -->` (FILE's whole text), then compiles the zomes
(C++17, as the guest is built) and the test (C++20) natively, syntax and
types, with warnings as errors.

  tutorial_check.py TUTORIAL HDK_NEW CXX SOURCE_DIR WORK_DIR
"""
import pathlib
import re
import shlex
import shutil
import subprocess
import sys

tutorial, hdk_new, cxx, source, work = sys.argv[1:6]
source = pathlib.Path(source)
work = pathlib.Path(work)
text = pathlib.Path(tutorial).read_text()

# A marker, then the fenced block that follows it.
block = re.compile(r"<!-- tutorial-(command|append|file)(?:: (\S+))? -->\n```\w*\n(.*?)```", re.S)
steps = block.findall(text)
commands = [body for kind, _, body in steps if kind == "command"]
if len(commands) != 1:
    sys.exit(f"tutorial_check: the tutorial marks {len(commands)} hdk-new commands, not one")
argv = shlex.split(commands[0].splitlines()[0])
if argv[0] != "hdk-new":
    sys.exit(f"tutorial_check: the marked command is not hdk-new: {commands[0]}")

shutil.rmtree(work, ignore_errors=True)
work.mkdir(parents=True)
subprocess.run([hdk_new, *argv[1:]], cwd=work, check=True)
project = work / argv[1]

edits = 0
for kind, name, body in steps:
    if kind == "command":
        continue
    target = project / name
    if not target.is_file():
        sys.exit(f"tutorial_check: the tutorial edits {name}, which hdk-new did not write")
    if kind == "append":
        target.write_text(target.read_text() + body)
    else:
        target.write_text(body)
    edits += 1
    print(f"tutorial_check: {kind} {name}")

flags = ["-fsyntax-only", "-Wall", "-Wextra", "-Werror", "-DMSGPACK_NO_BOOST",
         "-I", str(source / "hdk" / "include")]
failed = False
for zome in sorted((project / "zomes").glob("*.cpp")):
    print(f"tutorial_check: compiling {zome.relative_to(project)}")
    failed |= subprocess.run([cxx, "-std=c++17", *flags, str(zome)]).returncode != 0
for test in sorted((project / "tests").glob("*.cpp")):
    print(f"tutorial_check: compiling {test.relative_to(project)}")
    failed |= subprocess.run([cxx, "-std=c++20", *flags, "-I", str(source / "host_stub" / "include"),
                              str(test)]).returncode != 0
if failed:
    sys.exit("tutorial_check: the tutorial's code does not compile")
print(f"tutorial_check: {edits} edits applied, every source compiles")
