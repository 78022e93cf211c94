# richards_lite: an operating-system-style task scheduler in the spirit of the
# Richards benchmark (written from scratch, simplified). Tasks of several
# classes (idle, worker, handler, device) exchange packets through a scheduler
# with priority-ordered task list, waiting/held/runnable states and message
# queues. Exercises objects, method calls, polymorphic dispatch through
# overridden methods, inheritance with super(), linked lists via attributes and
# class attributes / constants.
import sys

IDLE = 0
WORKER = 1
HANDLER_A = 2
HANDLER_B = 3
DEVICE_A = 4
DEVICE_B = 5

KIND_DEVICE = 0
KIND_WORK = 1

DATA_SIZE = 4


class SchedulerError(Exception):
    pass


class Packet:
    def __init__(self, link, ident, kind):
        self.link = link
        self.ident = ident
        self.kind = kind
        self.datum = 0
        self.data = [0] * DATA_SIZE

    def append_to(self, queue):
        # append self at the end of the linked list `queue`; return the new head
        self.link = None
        if queue is None:
            return self
        p = queue
        while p.link is not None:
            p = p.link
        p.link = self
        return queue


class Task:
    # state bits
    PACKET_PENDING = 1
    WAITING = 2
    HELD = 4
    label = "Task"

    def __init__(self, sched, ident, priority, queue):
        self.sched = sched
        self.ident = ident
        self.priority = priority
        self.queue = queue
        self.state = Task.PACKET_PENDING if queue is not None else 0
        self.next = None

    def is_held_or_waiting(self):
        return (self.state & Task.HELD) != 0 or self.state == Task.WAITING

    def is_waiting_with_packet(self):
        return self.state == Task.PACKET_PENDING | Task.WAITING

    def take_packet(self):
        pkt = self.queue
        if pkt is None:
            self.state = 0
            return None
        self.queue = pkt.link
        if self.queue is None:
            self.state = 0
        else:
            self.state = Task.PACKET_PENDING
        return pkt

    def add_packet(self, pkt, current):
        # deliver pkt to this task; returns the task that should run next
        if self.queue is None:
            self.queue = pkt
            pkt.link = None
            self.state |= Task.PACKET_PENDING
            if self.priority > current.priority:
                return self
        else:
            self.queue = pkt.append_to(self.queue)
        return current

    def run(self, pkt):
        raise SchedulerError("abstract task " + self.label)

    def __repr__(self):
        return "%s(%d)" % (self.label, self.ident)


class IdleTask(Task):
    label = "IdleTask"

    def __init__(self, sched, ident, priority, queue, count):
        super().__init__(sched, ident, priority, queue)
        self.seed = 1
        self.count = count

    def run(self, pkt):
        self.count -= 1
        if self.count == 0:
            return self.sched.hold_self()
        if self.seed & 1 == 0:
            self.seed = self.seed >> 1
            return self.sched.release(DEVICE_A)
        self.seed = (self.seed >> 1) ^ 0xD008
        return self.sched.release(DEVICE_B)


class WorkerTask(Task):
    label = "WorkerTask"

    def __init__(self, sched, ident, priority, queue):
        super().__init__(sched, ident, priority, queue)
        self.dest = HANDLER_A
        self.counter = 0

    def run(self, pkt):
        if pkt is None:
            return self.sched.wait_self()
        if self.dest == HANDLER_A:
            self.dest = HANDLER_B
        else:
            self.dest = HANDLER_A
        pkt.ident = self.dest
        pkt.datum = 0
        for i in range(DATA_SIZE):
            self.counter += 1
            if self.counter > 26:
                self.counter = 1
            pkt.data[i] = 64 + self.counter
        return self.sched.queue_packet(pkt)


class HandlerTask(Task):
    label = "HandlerTask"

    def __init__(self, sched, ident, priority, queue):
        super().__init__(sched, ident, priority, queue)
        self.work_in = None
        self.device_in = None

    def run(self, pkt):
        if pkt is not None:
            if pkt.kind == KIND_WORK:
                self.work_in = pkt.append_to(self.work_in)
            else:
                self.device_in = pkt.append_to(self.device_in)
        work = self.work_in
        if work is not None:
            count = work.datum
            if count < DATA_SIZE:
                dev = self.device_in
                if dev is not None:
                    self.device_in = dev.link
                    dev.datum = work.data[count]
                    work.datum = count + 1
                    return self.sched.queue_packet(dev)
            else:
                self.work_in = work.link
                return self.sched.queue_packet(work)
        return self.sched.wait_self()


class DeviceTask(Task):
    label = "DeviceTask"

    def __init__(self, sched, ident, priority, queue):
        super().__init__(sched, ident, priority, queue)
        self.pending = None

    def run(self, pkt):
        if pkt is None:
            p = self.pending
            if p is None:
                return self.sched.wait_self()
            self.pending = None
            return self.sched.queue_packet(p)
        self.pending = pkt
        self.sched.checksum = (self.sched.checksum * 7 + pkt.datum) % 1000003
        return self.sched.hold_self()


class Scheduler:
    def __init__(self):
        self.tasks = [None] * 6
        self.task_list = None
        self.current = None
        self.queue_count = 0
        self.hold_count = 0
        self.checksum = 0

    def add(self, task):
        # keep task_list sorted by descending priority
        self.tasks[task.ident] = task
        if self.task_list is None or task.priority > self.task_list.priority:
            task.next = self.task_list
            self.task_list = task
            return
        t = self.task_list
        while t.next is not None and t.next.priority >= task.priority:
            t = t.next
        task.next = t.next
        t.next = task

    def find(self, ident):
        t = self.tasks[ident]
        if t is None:
            raise SchedulerError("no task %d" % ident)
        return t

    def hold_self(self):
        self.hold_count += 1
        self.current.state |= Task.HELD
        return self.current.next

    def wait_self(self):
        self.current.state |= Task.WAITING
        return self.current

    def release(self, ident):
        t = self.find(ident)
        t.state &= ~Task.HELD
        if t.priority > self.current.priority:
            return t
        return self.current

    def queue_packet(self, pkt):
        t = self.find(pkt.ident)
        self.queue_count += 1
        pkt.link = None
        pkt.ident = self.current.ident
        return t.add_packet(pkt, self.current)

    def schedule(self):
        self.current = self.task_list
        while self.current is not None:
            cur = self.current
            if cur.is_waiting_with_packet():
                pkt = cur.take_packet()
                self.current = cur.run(pkt)
            elif cur.is_held_or_waiting():
                self.current = cur.next
            else:
                self.current = cur.run(None)


def run_once(count):
    s = Scheduler()
    s.add(IdleTask(s, IDLE, 0, None, count))

    wq = Packet(None, 0, KIND_WORK)
    wq = Packet(wq, 0, KIND_WORK)
    s.add(WorkerTask(s, WORKER, 1000, wq))

    q = Packet(None, DEVICE_A, KIND_DEVICE)
    q = Packet(q, DEVICE_A, KIND_DEVICE)
    q = Packet(q, DEVICE_A, KIND_DEVICE)
    s.add(HandlerTask(s, HANDLER_A, 2000, q))

    q = Packet(None, DEVICE_B, KIND_DEVICE)
    q = Packet(q, DEVICE_B, KIND_DEVICE)
    q = Packet(q, DEVICE_B, KIND_DEVICE)
    s.add(HandlerTask(s, HANDLER_B, 3000, q))

    s.add(DeviceTask(s, DEVICE_A, 4000, None))
    s.add(DeviceTask(s, DEVICE_B, 5000, None))
    # fix up the initial state: tasks with packets start out waiting-with-packet
    t = s.task_list
    while t is not None:
        if t.queue is not None:
            t.state = Task.PACKET_PENDING | Task.WAITING
        t = t.next
    s.schedule()
    return s


def main():
    iterations = 80
    if len(sys.argv) > 1:
        iterations = int(sys.argv[1])
    total_q = 0
    total_h = 0
    check = 0
    for it in range(iterations):
        s = run_once(1000 + it)
        total_q += s.queue_count
        total_h += s.hold_count
        check = (check * 31 + s.checksum) % 1000000007
    order = []
    t = s.task_list
    while t is not None:
        order.append(repr(t))
        t = t.next
    print("tasks", " ".join(order))
    print("queue", total_q, "hold", total_h)
    print("checksum", check)


main()
