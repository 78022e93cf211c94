# repr of strings: quote selection, escapes, non-ASCII
samples = ["hello", "it's", 'say "hi"', "both ' and \"", "tab\there", "new\nline", "back\\slash",
           "cr\rx", "bell\x07", "nul\x00", "del\x7f", "caf\u00e9", "\u65e5\u672c\u8a9e", "emoji \U0001F600",
           "", " ", "'", '"', "\\", "a\\nb", "\x1b[0m", "\u00a0nbsp", "zero\u200bwidth", "\xff\xe9"]
for s in samples:
    print(repr(s), len(s))
print(samples[:4])
print(("it's", 'q"q'), {"k'": 'v"'})
print(str("it's"), "it's")
print(r"raw\nstring", r'C:\path\to\file', len(r"\n"), repr(r"\d+"))
print("adjacent" " strings" ' joined', "multi" "ple"
      " lines")
t = """triple
quoted 'single' and "double"
end"""
print(t)
print(repr(t))
t2 = '''another
  indented\tline'''
print(repr(t2))
print("\x41\x42\u0043", "\101\102", "\u00e9" == "\xe9", "\U0001F600" == "\U0001f600")
print("line1\nline2\ttabbed")
print(repr("\t\n"), repr("a'b\"c"), repr("'"), repr('"'))
print([chr(7), chr(8), chr(9), chr(10), chr(11), chr(12), chr(13), chr(31), chr(127), chr(128), chr(160), chr(173)])
print(str(["a", 'b"', "c'"]), str(("x",)), str({"k": "v\n"}))
