#!/usr/bin/env python3
"""Writes the Rust function index the traceability checker (RustTraceabilityTest) reads.

For each modelled Neon commit and each file listed in files.txt, it lexes the Rust source (comments,
strings, raw strings, char literals and lifetimes are skipped) and records every function that has a
body: its name, the line of its `fn` keyword and the line of its closing brace. A function inside
`impl [Trait for] Type`, `trait Type` or `mod m` is recorded twice: as `Type::name` (or `m::name`) and
as `name`. Only names and line numbers are written, never Rust code or comment text.

Usage (from the repository root, with a clone or bare mirror of neondatabase/neon):
    python3 model/src/test/resources/rust-index/generate.py --git-dir /path/to/neon.git
It rewrites model/src/main/resources/offloadsim/rust-index/<commit>.tsv for every commit in COMMITS.
"""
import argparse
import os
import re
import subprocess
import sys

COMMITS = ["49756a0d01", "6149ac8834", "6a35a3e9f1"]
HERE = os.path.dirname(os.path.abspath(__file__))


def read_file_list():
    files = []
    with open(os.path.join(HERE, "files.txt"), encoding="utf-8") as f:
        for line in f:
            line = line.split("#", 1)[0].strip()
            if line:
                files.append(line.split()[0])
    return files


def tokens(src):
    """Yields (kind, text, line) with kind in {'id', 'p'}; comments, literals and lifetimes dropped."""
    i, n, line = 0, len(src), 1
    while i < n:
        c = src[i]
        if c == "\n":
            line += 1
            i += 1
        elif c.isspace():
            i += 1
        elif src.startswith("//", i):
            j = src.find("\n", i)
            i = n if j < 0 else j
        elif src.startswith("/*", i):
            depth, i = 1, i + 2
            while i < n and depth:
                if src.startswith("/*", i):
                    depth, i = depth + 1, i + 2
                elif src.startswith("*/", i):
                    depth, i = depth - 1, i + 2
                else:
                    line += src[i] == "\n"
                    i += 1
        elif c == '"' or (c in "bc" and src.startswith('"', i + 1)):
            i = i + 1 if c == '"' else i + 2
            while i < n and src[i] != '"':
                if src[i] == "\\":
                    line += src[i + 1] == "\n"
                    i += 2
                    continue
                line += src[i] == "\n"
                i += 1
            i += 1
        elif (c == "r" and i + 1 < n and src[i + 1] in '#"') or (src.startswith("br", i) and i + 2 < n and src[i + 2] in '#"'):
            j = i + (1 if c == "r" else 2)
            hashes = 0
            while j < n and src[j] == "#":
                hashes, j = hashes + 1, j + 1
            if j < n and src[j] == '"':
                end = src.find('"' + "#" * hashes, j + 1)
                end = n if end < 0 else end
                line += src.count("\n", j, end)
                i = end + 1 + hashes
            else:  # r#ident (raw identifier)
                k = j
                while k < n and (src[k].isalnum() or src[k] == "_"):
                    k += 1
                yield ("id", src[j:k], line)
                i = k
        elif c == "'" or (c == "b" and src.startswith("'", i + 1)):
            j = i + (1 if c == "'" else 2)
            if j < n and src[j] == "\\":  # escaped char literal
                k = src.find("'", j + 2)
                i = k + 1
            elif j + 1 < n and src[j + 1] == "'":  # plain char literal 'x'
                i = j + 2
            elif j < n and ord(src[j]) > 127:  # non-ASCII char literal
                k = src.find("'", j)
                i = k + 1
            else:  # lifetime or label: skip the quote, the identifier follows as a token we drop
                k = j
                while k < n and (src[k].isalnum() or src[k] == "_"):
                    k += 1
                i = k
        elif c.isalpha() or c == "_":
            j = i
            while j < n and (src[j].isalnum() or src[j] == "_"):
                j += 1
            yield ("id", src[i:j], line)
            i = j
        elif c.isdigit():
            j = i
            while j < n and (src[j].isalnum() or src[j] in "_."):
                if src[j] == "." and not (j + 1 < n and src[j + 1].isdigit()):
                    break
                j += 1
            i = j
        else:
            if src.startswith("::", i) or src.startswith("->", i) or src.startswith("=>", i):
                yield ("p", src[i:i + 2], line)
                i += 2
            else:
                yield ("p", c, line)
                i += 1


def header_name(toks, kind):
    """The type an `impl`/`trait`/`mod` header introduces, from its tokens (without the braces)."""
    if kind in ("trait", "mod"):
        return next((t for k, t, _ in toks if k == "id"), None)
    # impl<...> [Trait for] Type<...> [where ...]: skip the impl's generics, then find `for` at depth 0
    depth, start = 0, 0
    if toks and toks[0][1] == "<":
        for idx, (k, t, _) in enumerate(toks):
            depth += t == "<"
            depth -= t == ">"
            if depth == 0:
                start = idx + 1
                break
    body = toks[start:]
    depth, self_from = 0, 0
    for idx, (k, t, _) in enumerate(body):
        if t == "<":
            depth += 1
        elif t == ">":
            depth -= 1
        elif t == "where" and depth == 0:
            body = body[:idx]
            break
        elif t == "for" and depth == 0 and not (idx + 1 < len(body) and body[idx + 1][1] == "<"):
            self_from = idx + 1
    name, depth = None, 0
    for k, t, _ in body[self_from:]:
        if t == "<":
            depth += 1
        elif t == ">":
            depth -= 1
        elif k == "id" and depth == 0 and t not in ("dyn", "mut", "impl"):
            name = t
    return name


def index_functions(src):
    """[(qualified or None, name, first_line, last_line)] for every fn with a body."""
    toks = list(tokens(src))
    out = []
    # stack of (kind, name) for open braces: kind in {'scope', 'fn', 'block'}
    stack = []
    i = 0
    pending = None  # ('scope', name) or ('fn', name, line) waiting for its '{'
    while i < len(toks):
        k, t, ln = toks[i]
        if k == "id" and t in ("impl", "trait", "mod") and pending is None:
            # collect the header up to '{' or ';'
            j, depth = i + 1, 0
            while j < len(toks) and not (depth == 0 and toks[j][1] in ("{", ";")):
                depth += toks[j][1] in ("(", "[")
                depth -= toks[j][1] in (")", "]")
                j += 1
            if t == "impl" and is_impl_trait_type(toks, i):
                i += 1
                continue
            if j < len(toks) and toks[j][1] == "{":
                pending = ("scope", header_name(toks[i + 1:j], t))
                i = j
                continue
            i = j + 1
            continue
        if k == "id" and t == "fn" and i + 1 < len(toks) and toks[i + 1][0] == "id":
            name = toks[i + 1][1]
            j, depth = i + 2, 0
            while j < len(toks) and not (depth == 0 and toks[j][1] in ("{", ";")):
                depth += toks[j][1] in ("(", "[")
                depth -= toks[j][1] in (")", "]")
                j += 1
            if j < len(toks) and toks[j][1] == "{":
                pending = ("fn", name, ln)
                i = j
                continue
            i = j + 1
            continue
        if t == "{":
            if pending is not None:
                stack.append(pending + (len(out),))
                pending = None
            else:
                stack.append(("block",))
        elif t == "}":
            top = stack.pop()
            if top[0] == "fn":
                _, name, first, _slot = top
                owner = enclosing_scope(stack)
                out.append((owner + "::" + name if owner else None, name, first, ln))
        i += 1
    if stack:
        raise ValueError("unbalanced braces: %d left open" % len(stack))
    return out


def is_impl_trait_type(toks, i):
    """`impl` in type position (`-> impl Future`, `x: impl Fn()`), not an impl block."""
    prev = toks[i - 1][1] if i > 0 else ""
    return prev in ("->", ":", ",", "(", "<", "&", "=", "+", "dyn", "mut")


def enclosing_scope(stack):
    """The impl/trait/mod a fn belongs to, if it is directly inside one (not nested in another fn)."""
    if stack and stack[-1][0] == "scope":
        return stack[-1][1]
    return None


def git_show(git_dir, commit, path):
    return subprocess.run(["git", "--git-dir", git_dir, "show", commit + ":" + path],
                          check=True, capture_output=True).stdout.decode("utf-8")


SAMPLE = r"""
//! fn not_a_function() {}
pub struct S<'a> { x: &'a str }
impl<'a> S<'a> {
    /// fn in_doc() {}
    pub(crate) async fn method(&self) -> impl Fn(u32) -> u32 + 'a {
        let c = '{';
        let s = "}{ fn in_string() {";
        let r = r#"fn in_raw() { "# ;
        let b = b'}';
        'outer: loop { break 'outer; }
        /* fn in_block() { /* nested */ } */
        move |x| x
    }
    fn decl_only(&self);
}
impl<T: Clone> std::fmt::Display for Wrapper<T> where T: Copy {
    fn fmt(&self, f: &mut Formatter<'_>) -> Result {
        fn nested_helper() {}
        Ok(())
    }
}
trait Tr { fn provided(&self) { } fn required(&self); }
mod tests {
    fn free_in_mod() {}
}
fn free(f: fn(u8) -> u8) -> u8 { f(1) }
"""

SAMPLE_EXPECTED = [
    ("S::method", "method", 6, 14),
    ("Wrapper::fmt", "fmt", 18, 21),
    (None, "nested_helper", 19, 19),
    ("Tr::provided", "provided", 23, 23),
    ("tests::free_in_mod", "free_in_mod", 25, 25),
    (None, "free", 27, 27),
]


def self_test():
    got = sorted(index_functions(SAMPLE), key=lambda r: (r[2], r[1]))
    want = sorted(SAMPLE_EXPECTED, key=lambda r: (r[2], r[1]))
    if got != want:
        print("self-test FAILED\n got:  %s\n want: %s" % (got, want), file=sys.stderr)
        sys.exit(1)
    print("self-test passed (%d functions)" % len(got), file=sys.stderr)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--git-dir", help="a clone or bare mirror of neondatabase/neon")
    ap.add_argument("--out", default=os.path.join(HERE, "..", "..", "..", "main", "resources", "offloadsim", "rust-index"), help="directory to write <commit>.tsv into (default: the model's main resources, where the CLI reads it)")
    ap.add_argument("--self-test", action="store_true", help="check the lexer on a built-in sample and exit")
    args = ap.parse_args()
    self_test()
    if args.self_test:
        return
    if not args.git_dir:
        ap.error("--git-dir is required")
    files = read_file_list()
    for commit in COMMITS:
        full = subprocess.run(["git", "--git-dir", args.git_dir, "rev-parse", commit + "^{commit}"],
                              check=True, capture_output=True, text=True).stdout.strip()
        rows = []
        for path in files:
            try:
                src = git_show(args.git_dir, full, path)
            except subprocess.CalledProcessError:
                continue  # the file does not exist at this commit
            src_lines = src.split("\n")
            for qualified, name, first, last in index_functions(src):
                # every row must point at its own `fn` line and a closing brace: a lexer slip shows here
                if not re.search(r"\bfn\s+" + re.escape(name) + r"\b", src_lines[first - 1]) or "}" not in src_lines[last - 1]:
                    sys.exit("%s@%s: %s %d-%d does not start at its fn or end at a brace" % (path, commit, name, first, last))
                if qualified:
                    rows.append((path, qualified, first, last))
                rows.append((path, name, first, last))
        rows.sort(key=lambda r: (r[0], r[2], r[3], r[1]))
        with open(os.path.join(args.out, commit + ".tsv"), "w", encoding="utf-8", newline="\n") as f:
            f.write("# Rust function index of neondatabase/neon at %s\n" % full)
            f.write("# generated by generate.py from the files in files.txt; names and line numbers only\n")
            f.write("# columns: file, function (Type::method and method for a method), line of `fn`, line of the closing brace\n")
            for path, name, first, last in rows:
                f.write("%s\t%s\t%d\t%d\n" % (path, name, first, last))
        print("%s: %d rows" % (commit, len(rows)), file=sys.stderr)


if __name__ == "__main__":
    main()
