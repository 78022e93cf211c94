# nbody: a small planetary simulation (Sun + the four gas giants) with a simple
# symplectic Euler integrator. Exercises float arithmetic, attribute reads and
# writes on instances, lists of objects, nested loops over index pairs and
# math.sqrt. Prints total energy before and after (a deterministic checksum).
import math
import sys

PI = 3.14159265358979323
SOLAR_MASS = 4 * PI * PI
DAYS_PER_YEAR = 365.24


class Vec3:
    def __init__(self, x, y, z):
        self.x = x
        self.y = y
        self.z = z

    def __repr__(self):
        return "Vec3(%.4f, %.4f, %.4f)" % (self.x, self.y, self.z)


class Body:
    def __init__(self, name, pos, vel, mass):
        self.name = name
        self.pos = pos
        self.vel = vel
        self.mass = mass

    def kinetic_energy(self):
        v = self.vel
        return 0.5 * self.mass * (v.x * v.x + v.y * v.y + v.z * v.z)


def make_system():
    bodies = [
        Body("sun", Vec3(0.0, 0.0, 0.0), Vec3(0.0, 0.0, 0.0), SOLAR_MASS),
        Body(
            "jupiter",
            Vec3(4.84143144246472090e+00, -1.16032004402742839e+00, -1.03622044471123109e-01),
            Vec3(1.66007664274403694e-03 * DAYS_PER_YEAR, 7.69901118419740425e-03 * DAYS_PER_YEAR,
                 -6.90460016972063023e-05 * DAYS_PER_YEAR),
            9.54791938424326609e-04 * SOLAR_MASS,
        ),
        Body(
            "saturn",
            Vec3(8.34336671824457987e+00, 4.12479856412430479e+00, -4.03523417114321381e-01),
            Vec3(-2.76742510726862411e-03 * DAYS_PER_YEAR, 4.99852801234917238e-03 * DAYS_PER_YEAR,
                 2.30417297573763929e-05 * DAYS_PER_YEAR),
            2.85885980666130812e-04 * SOLAR_MASS,
        ),
        Body(
            "uranus",
            Vec3(1.28943695621391310e+01, -1.51111514016986312e+01, -2.23307578892655734e-01),
            Vec3(2.96460137564761618e-03 * DAYS_PER_YEAR, 2.37847173959480950e-03 * DAYS_PER_YEAR,
                 -2.96589568540237556e-05 * DAYS_PER_YEAR),
            4.36624404335156298e-05 * SOLAR_MASS,
        ),
        Body(
            "neptune",
            Vec3(1.53796971148509165e+01, -2.59193146099879641e+01, 1.79258772950371181e-01),
            Vec3(2.68067772490389322e-03 * DAYS_PER_YEAR, 1.62824170038242295e-03 * DAYS_PER_YEAR,
                 -9.51592254519715870e-05 * DAYS_PER_YEAR),
            5.15138902046611451e-05 * SOLAR_MASS,
        ),
    ]
    return bodies


def offset_momentum(bodies):
    px = py = pz = 0.0
    for b in bodies:
        px += b.vel.x * b.mass
        py += b.vel.y * b.mass
        pz += b.vel.z * b.mass
    sun = bodies[0]
    sun.vel.x = -px / SOLAR_MASS
    sun.vel.y = -py / SOLAR_MASS
    sun.vel.z = -pz / SOLAR_MASS


def energy(bodies):
    e = 0.0
    n = len(bodies)
    for i in range(n):
        bi = bodies[i]
        e += bi.kinetic_energy()
        for j in range(i + 1, n):
            bj = bodies[j]
            dx = bi.pos.x - bj.pos.x
            dy = bi.pos.y - bj.pos.y
            dz = bi.pos.z - bj.pos.z
            e -= bi.mass * bj.mass / math.sqrt(dx * dx + dy * dy + dz * dz)
    return e


def make_pairs(bodies):
    pairs = []
    n = len(bodies)
    for i in range(n):
        for j in range(i + 1, n):
            pairs.append((bodies[i], bodies[j]))
    return pairs


def advance(bodies, pairs, dt, steps):
    for _ in range(steps):
        for pair in pairs:
            b1, b2 = pair
            p1 = b1.pos
            p2 = b2.pos
            dx = p1.x - p2.x
            dy = p1.y - p2.y
            dz = p1.z - p2.z
            d2 = dx * dx + dy * dy + dz * dz
            mag = dt / (d2 * math.sqrt(d2))
            m1 = b1.mass * mag
            m2 = b2.mass * mag
            v1 = b1.vel
            v2 = b2.vel
            v1.x -= dx * m2
            v1.y -= dy * m2
            v1.z -= dz * m2
            v2.x += dx * m1
            v2.y += dy * m1
            v2.z += dz * m1
        for b in bodies:
            p = b.pos
            v = b.vel
            p.x += dt * v.x
            p.y += dt * v.y
            p.z += dt * v.z


def main():
    steps = 100000
    if len(sys.argv) > 1:
        steps = int(sys.argv[1])
    bodies = make_system()
    offset_momentum(bodies)
    pairs = make_pairs(bodies)
    print("energy before %.9f" % energy(bodies))
    advance(bodies, pairs, 0.01, steps)
    print("energy after  %.9f" % energy(bodies))
    far = max(bodies, key=lambda b: b.pos.x * b.pos.x + b.pos.y * b.pos.y)
    print("farthest", far.name, far.pos)


main()
