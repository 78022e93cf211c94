# Binary search tree: insert, search, delete, traversals, height, balance
class Node:
    def __init__(self, key, val):
        self.key = key
        self.val = val
        self.left = None
        self.right = None
class BST:
    def __init__(self):
        self.root = None
        self.size = 0
    def insert(self, key, val=None):
        def ins(node):
            if node is None:
                self.size += 1
                return Node(key, val)
            if key < node.key:
                node.left = ins(node.left)
            elif key > node.key:
                node.right = ins(node.right)
            else:
                node.val = val
            return node
        self.root = ins(self.root)
    def get(self, key, default=None):
        n = self.root
        while n:
            if key == n.key:
                return n.val
            n = n.left if key < n.key else n.right
        return default
    def __contains__(self, key):
        return self.get(key, self) is not self
    def __len__(self):
        return self.size
    def inorder(self):
        out = []
        def walk(n):
            if n:
                walk(n.left)
                out.append(n.key)
                walk(n.right)
        walk(self.root)
        return out
    def preorder(self):
        out = []
        stack = [self.root] if self.root else []
        while stack:
            n = stack.pop()
            out.append(n.key)
            if n.right:
                stack.append(n.right)
            if n.left:
                stack.append(n.left)
        return out
    def levels(self):
        out = []
        level = [self.root] if self.root else []
        while level:
            out.append([n.key for n in level])
            nxt = []
            for n in level:
                nxt += [c for c in (n.left, n.right) if c]
            level = nxt
        return out
    def height(self):
        def h(n):
            return 0 if n is None else 1 + max(h(n.left), h(n.right))
        return h(self.root)
    def delete(self, key):
        def rm(n, key):
            if n is None:
                raise KeyError(key)
            if key < n.key:
                n.left = rm(n.left, key)
            elif key > n.key:
                n.right = rm(n.right, key)
            else:
                if n.left is None:
                    return n.right
                if n.right is None:
                    return n.left
                s = n.right
                while s.left:
                    s = s.left
                n.key, n.val = s.key, s.val
                n.right = rm(n.right, s.key)
            return n
        self.root = rm(self.root, key)
        self.size -= 1
t = BST()
for k in [50, 30, 70, 20, 40, 60, 80, 35, 45, 65]:
    t.insert(k, "v%d" % k)
print(len(t), t.inorder())
print(t.preorder())
print(t.levels(), t.height())
print(t.get(40), t.get(99), t.get(99, "none"), 35 in t, 36 in t)
t.insert(40, "updated")
print(t.get(40), len(t))
for k in [20, 30, 50, 99]:
    try:
        t.delete(k)
        print("deleted", k, t.inorder(), t.levels())
    except KeyError as e:
        print("KeyError", e)
words = BST()
for w in "the quick brown fox jumps over the lazy dog".split():
    words.insert(w, len(w))
print(words.inorder(), len(words), words.height())
skew = BST()
for i in range(30):
    skew.insert(i)
print("skewed height", skew.height(), "size", len(skew))
