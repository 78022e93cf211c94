# sets in algorithms: dedupe, membership, set algebra on records
emails = ["a@x.com", "b@y.org", "a@x.com", "c@z.net", "b@y.org", "d@x.com"]
uniq_sorted = sorted(set(emails))
print(uniq_sorted, len(emails), len(uniq_sorted))
seen = set()
ordered_uniq = []
for e in emails:
    if e not in seen:
        ordered_uniq.append(e)
        seen = seen | {e}
print(ordered_uniq)
domains = {e.split("@")[1] for e in emails}
print(sorted(domains), "x.com" in domains, "q.com" in domains)
course_a = {"ann", "bob", "cy", "dee"}
course_b = {"bob", "dee", "eve"}
course_c = {"cy", "eve", "fay"}
print("both A and B:", sorted(course_a & course_b))
print("A or B:", sorted(course_a | course_b))
print("only A:", sorted(course_a - course_b - course_c))
print("exactly one of A,B:", sorted(course_a ^ course_b))
print("all three:", sorted(course_a & course_b & course_c), "any:", len(course_a | course_b | course_c))
print(course_b <= course_a | course_b, course_b < course_a, {"ann"} < course_a, set() <= course_c)
def primes_upto(n):
    composite = set()
    out = []
    for i in range(2, n + 1):
        if i not in composite:
            out.append(i)
            composite = composite | set(range(i * i, n + 1, i))
    return out
print(primes_upto(60))
def has_pair_sum(xs, target):
    need = set()
    for x in xs:
        if x in need:
            return (target - x, x)
        need = need | {target - x}
    return None
print(has_pair_sum([8, 3, 11, 5, 2], 7), has_pair_sum([1, 2], 10), has_pair_sum([5, 5], 10))
anagrams = {}
for w in ["listen", "silent", "enlist", "google", "gogole", "cat", "act", "tac", "dog"]:
    key = "".join(sorted(w))
    anagrams.setdefault(key, set())
    anagrams[key] = anagrams[key] | {w}
for k in sorted(anagrams):
    print(k, sorted(anagrams[k]), len(anagrams[k]))
chars = set("the quick brown fox jumps over the lazy dog")
alphabet = {chr(c) for c in range(ord("a"), ord("z") + 1)}
print(alphabet <= chars, sorted(chars - alphabet), len(alphabet - set("hello world")))
print(sorted({(x * y) % 7 for x in range(7) for y in range(7)}), sorted({frozen for frozen in ((1, 2), (2, 1), (1, 2))}))
