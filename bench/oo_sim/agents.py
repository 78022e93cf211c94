# The creatures of the ecosystem. An abstract base class with a template method
# (`tick`) and polymorphic hooks overridden by each subclass; class attributes
# as per-species parameters; a classmethod factory and a staticmethod helper.
from abc import ABC, abstractmethod
from enum import Enum


class Kind(Enum):
    PLANT = 1
    RABBIT = 2
    FOX = 3


class Starved(Exception):
    def __init__(self, agent):
        super().__init__("starved")
        self.agent = agent


class Agent(ABC):
    next_id = 0
    max_energy = 10
    birth_energy = 5
    upkeep = 1

    def __init__(self, pos, energy):
        Agent.next_id += 1
        self.ident = Agent.next_id
        self.pos = pos
        self.energy = energy
        self.age = 0
        self.alive = True

    @classmethod
    def spawn(cls, pos):
        return cls(pos, cls.birth_energy)

    @staticmethod
    def clamp(v, lo, hi):
        if v < lo:
            return lo
        if v > hi:
            return hi
        return v

    @property
    def hungry(self):
        return self.energy * 2 < self.max_energy

    @abstractmethod
    def kind(self):
        pass

    @abstractmethod
    def act(self, world):
        pass

    def tick(self, world):
        self.age += 1
        self.energy -= self.upkeep
        if self.energy <= 0:
            raise Starved(self)
        self.act(world)
        self.energy = Agent.clamp(self.energy, 0, self.max_energy)

    def __repr__(self):
        return "%s#%d@%r" % (self.kind().name, self.ident, self.pos)


class Plant(Agent):
    max_energy = 6
    birth_energy = 2
    upkeep = 0

    def kind(self):
        return Kind.PLANT

    def act(self, world):
        self.energy += 1
        if self.energy >= 5 and world.rng.chance(20):
            spot = world.free_neighbour(self.pos)
            if spot is not None:
                self.energy -= 3
                world.add(Plant.spawn(spot))


class Animal(Agent):
    prey = None
    litter = 1

    def act(self, world):
        target = world.find_neighbour(self.pos, self.prey)
        if target is not None and self.hungry:
            self.eat(target, world)
        else:
            spot = world.free_neighbour(self.pos)
            if spot is not None:
                world.move(self, spot)
        if self.energy >= self.max_energy - 1 and self.age > 3:
            self.reproduce(world)

    def eat(self, target, world):
        gained = self.nutrition(target)
        world.remove(target)
        world.move(self, target.pos)
        self.energy += gained
        world.stats.record("eaten_" + target.kind().name.lower())

    def nutrition(self, target):
        return target.energy

    def reproduce(self, world):
        for _ in range(self.litter):
            spot = world.free_neighbour(self.pos)
            if spot is None:
                return
            child = type(self).spawn(spot)
            self.energy -= child.energy
            world.add(child)
            world.stats.record("born_" + self.kind().name.lower())


class Rabbit(Animal):
    max_energy = 12
    birth_energy = 4
    prey = Kind.PLANT
    litter = 2

    def kind(self):
        return Kind.RABBIT


class Fox(Animal):
    max_energy = 40
    birth_energy = 15
    upkeep = 1
    prey = Kind.RABBIT

    def kind(self):
        return Kind.FOX

    @property
    def hungry(self):
        # foxes are opportunists: they eat unless nearly full
        return self.energy < self.max_energy - 5

    def nutrition(self, target):
        # foxes digest rabbits well, better when the rabbit was well fed
        return super().nutrition(target) + 6
