# The world: a dict from Point to Agent plus an ordered roster. Exercises dict
# lookups keyed by user objects (__hash__/__eq__), container dunders
# (__len__, __contains__, __getitem__, __iter__), exceptions as control flow.
from geometry import Torus
from agents import Starved
from report.stats import Stats


class World:
    def __init__(self, width, height, rng):
        self.torus = Torus(width, height)
        self.rng = rng
        self.cells = {}
        self.roster = []
        self.stats = Stats()
        self.generation = 0

    def __len__(self):
        return len(self.cells)

    def __contains__(self, pos):
        return pos in self.cells

    def __getitem__(self, pos):
        return self.cells[pos]

    def __iter__(self):
        return iter(self.roster)

    def add(self, agent):
        if agent.pos in self.cells:
            raise ValueError("cell occupied")
        self.cells[agent.pos] = agent
        self.roster.append(agent)

    def remove(self, agent):
        del self.cells[agent.pos]
        agent.alive = False

    def move(self, agent, dest):
        del self.cells[agent.pos]
        agent.pos = dest
        self.cells[dest] = agent

    def free_neighbour(self, pos):
        options = [p for p in self.torus.neighbours(pos) if p not in self.cells]
        if not options:
            return None
        return self.rng.choice(options)

    def find_neighbour(self, pos, kind):
        if kind is None:
            return None
        for p in self.torus.neighbours(pos):
            other = self.cells.get(p)
            if other is not None and other.kind() == kind:
                return other
        return None

    def step(self):
        self.generation += 1
        current = [a for a in self.roster if a.alive]
        self.rng.shuffle(current)
        for agent in current:
            if not agent.alive:
                continue
            try:
                agent.tick(self)
            except Starved as e:
                self.remove(e.agent)
                self.stats.record("starved_" + e.agent.kind().name.lower())
        self.roster = [a for a in self.roster if a.alive]
        self.stats.sample(self)

    def census(self):
        counts = {}
        for agent in self:
            name = agent.kind().name
            counts[name] = counts.get(name, 0) + 1
        return counts
