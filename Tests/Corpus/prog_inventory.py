# Inventory management: classes, dicts, sorting, formatted reports
class Item:
    def __init__(self, sku, name, price, qty, tags=()):
        self.sku = sku
        self.name = name
        self.price = price
        self.qty = qty
        self.tags = list(tags)
    @property
    def value(self):
        return self.price * self.qty
    def __repr__(self):
        return f"Item({self.sku!r}, {self.name!r}, {self.price}, {self.qty})"
class OutOfStock(Exception):
    pass
class Inventory:
    def __init__(self):
        self.items = {}
        self.events = []
    def add(self, item):
        if item.sku in self.items:
            self.items[item.sku].qty += item.qty
            self.events.append(("restock", item.sku, item.qty))
        else:
            self.items[item.sku] = item
            self.events.append(("new", item.sku, item.qty))
    def sell(self, sku, n):
        it = self.items[sku]
        if it.qty < n:
            raise OutOfStock(f"{it.name}: wanted {n}, have {it.qty}")
        it.qty -= n
        self.events.append(("sell", sku, n))
        return it.price * n
    def by_tag(self):
        out = {}
        for it in self.items.values():
            for t in it.tags:
                out.setdefault(t, []).append(it.sku)
        return out
    def report(self):
        lines = [f"{'SKU':<6}{'Name':<14}{'Price':>9}{'Qty':>6}{'Value':>11}"]
        lines.append("-" * len(lines[0]))
        for it in sorted(self.items.values(), key=lambda i: (-i.value, i.sku)):
            lines.append(f"{it.sku:<6}{it.name:<14}{it.price:>9.2f}{it.qty:>6}{it.value:>11,.2f}")
        total = sum([i.value for i in self.items.values()])
        lines.append(f"{'TOTAL':<35}{total:>11,.2f}")
        return "\n".join(lines)
inv = Inventory()
inv.add(Item("A100", "Widget", 2.5, 100, ["small", "metal"]))
inv.add(Item("B200", "Gadget", 19.99, 12, ["electronic"]))
inv.add(Item("C300", "Doohickey", 0.1, 1000, ["small"]))
inv.add(Item("D400", "Thingamajig", 1250.0, 2, ["large", "metal", "electronic"]))
inv.add(Item("A100", "Widget", 2.5, 20))
print(inv.report())
revenue = 0
orders = [("A100", 30), ("B200", 13), ("C300", 999), ("D400", 1), ("Z999", 1), ("C300", 2)]
for sku, n in orders:
    try:
        r = inv.sell(sku, n)
        revenue += r
        print(f"sold {n:>4} x {sku}: {r:>10.2f}  running {revenue:,.2f}")
    except OutOfStock as e:
        print("out of stock ->", e)
    except KeyError as e:
        print("unknown sku ->", e)
print(inv.report())
print(inv.by_tag())
print(inv.events)
low = [it.name for it in inv.items.values() if it.qty < 5]
print("low stock:", low)
print("revenue %.2f, exact %r" % (revenue, revenue))
