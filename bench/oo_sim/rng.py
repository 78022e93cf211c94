# A small deterministic pseudo-random generator (so every VM sees the same stream).


class Random:
    MODULUS = 2147483648

    def __init__(self, seed):
        self.state = seed % Random.MODULUS

    def next_int(self):
        self.state = (self.state * 1103515245 + 12345) % Random.MODULUS
        return self.state >> 8

    def below(self, n):
        return self.next_int() % n

    def chance(self, percent):
        return self.below(100) < percent

    def choice(self, items):
        return items[self.below(len(items))]

    def shuffle(self, items):
        i = len(items) - 1
        while i > 0:
            j = self.below(i + 1)
            items[i], items[j] = items[j], items[i]
            i -= 1
