# oo_sim: a multi-module object-oriented predator/prey simulation on a torus.
# Modules: rng (PRNG), geometry (Point/Torus value objects), agents (ABC, Enum,
# inheritance, classmethod/staticmethod/property, super()), world (container
# dunders, exceptions) and the report package (report/stats.py).
import sys

from rng import Random
from geometry import Point
from agents import Plant, Rabbit, Fox, Agent
from world import World


def populate(world, rng, plants, rabbits, foxes):
    for cls, count in [(Plant, plants), (Rabbit, rabbits), (Fox, foxes)]:
        placed = 0
        while placed < count:
            p = Point(rng.below(world.torus.width), rng.below(world.torus.height))
            if p in world:
                continue
            world.add(cls.spawn(p))
            placed += 1


def checksum(world):
    h = 0
    for pos in sorted(world.cells.keys()):
        a = world[pos]
        h = (h * 131 + hash(pos) * 3 + a.energy + a.age) % 1000000007
    return h


def main():
    generations = 250
    if len(sys.argv) > 1:
        generations = int(sys.argv[1])
    rng = Random(7)
    world = World(40, 30, rng)
    populate(world, rng, 300, 150, 20)
    for _ in range(generations):
        world.step()
    census = world.census()
    print("generation", world.generation, "alive", len(world))
    for name in ["PLANT", "RABBIT", "FOX"]:
        best, when = world.stats.peak(name)
        print("%-7s now %4d peak %4d at %d" % (name, census.get(name, 0), best, when))
    print("events")
    print(world.stats.summary())
    oldest = max(world.roster, key=lambda a: (a.age, -a.ident))
    print("oldest", oldest, "age", oldest.age)
    print("agents created", Agent.next_id)
    print("checksum", checksum(world))


main()
