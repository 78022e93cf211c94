# Singly linked list with dunder protocol support
class _Node:
    def __init__(self, val, nxt=None):
        self.val = val
        self.next = nxt
class LinkedList:
    def __init__(self, items=None):
        self.head = None
        self._len = 0
        for it in (items or []):
            self.append(it)
    def append(self, v):
        node = _Node(v)
        if self.head is None:
            self.head = node
        else:
            cur = self.head
            while cur.next:
                cur = cur.next
            cur.next = node
        self._len += 1
    def prepend(self, v):
        self.head = _Node(v, self.head)
        self._len += 1
    def __len__(self):
        return self._len
    def __iter__(self):
        return _Iter(self.head)
    def __getitem__(self, i):
        if i < 0:
            i += self._len
        if not 0 <= i < self._len:
            raise IndexError("linked list index out of range")
        cur = self.head
        for _ in range(i):
            cur = cur.next
        return cur.val
    def __contains__(self, v):
        for x in self:
            if x == v:
                return True
        return False
    def __eq__(self, other):
        return list(self) == list(other)
    def __add__(self, other):
        return LinkedList(list(self) + list(other))
    def __repr__(self):
        return "LinkedList(" + " -> ".join([repr(v) for v in self]) + ")"
    def reverse(self):
        prev = None
        cur = self.head
        while cur:
            cur.next, prev, cur = prev, cur, cur.next
        self.head = prev
    def remove(self, v):
        prev = None
        cur = self.head
        while cur:
            if cur.val == v:
                if prev:
                    prev.next = cur.next
                else:
                    self.head = cur.next
                self._len -= 1
                return True
            prev, cur = cur, cur.next
        return False
class _Iter:
    def __init__(self, node):
        self.node = node
    def __iter__(self):
        return self
    def __next__(self):
        if self.node is None:
            raise StopIteration
        v = self.node.val
        self.node = self.node.next
        return v
ll = LinkedList([3, 1, 4])
ll.append(1)
ll.prepend("head")
print(ll, len(ll), ll[0], ll[-1], ll[2], 4 in ll, 9 in ll)
ll.reverse()
print(ll, list(ll), [x for x in ll if isinstance(x, int)])
print(ll.remove(1), ll, ll.remove("zzz"), ll.remove("head"), ll, len(ll))
print(ll + LinkedList("ab"), ll == LinkedList([1, 4, 3]), ll == [1, 4, 3], sorted(ll), sum(ll))
try:
    ll[10]
except IndexError as e:
    print("IndexError:", e)
empty = LinkedList()
print(empty, len(empty), list(empty), bool(empty), bool(ll))
empty.reverse()
big = LinkedList(range(200))
big.reverse()
print(big[0], big[199], len(big), sum(big), list(zip(big, "xyz")))
