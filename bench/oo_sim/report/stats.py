# Event counters and population history, plus a text summary.


class Stats:
    def __init__(self):
        self.events = {}
        self.history = []

    def record(self, event):
        self.events[event] = self.events.get(event, 0) + 1

    def sample(self, world):
        self.history.append(world.census())

    def peak(self, name):
        best = 0
        when = -1
        for i, counts in enumerate(self.history):
            c = counts.get(name, 0)
            if c > best:
                best = c
                when = i
        return best, when

    def summary(self):
        lines = []
        for key in sorted(self.events.keys()):
            lines.append(f"  {key:<16}{self.events[key]:>8}")
        return "\n".join(lines)
