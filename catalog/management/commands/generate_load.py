"""Bulk synthetic customers, contacts and contact phones for benchmarks (see ``bench/``).

On PostgreSQL the rows go in with ``COPY ... FROM STDIN`` (psycopg 3), one transaction per
batch committed without waiting for the WAL flush, with the customers' and contacts' primary
keys taken from their own sequences beforehand (``nextval``, safe beside concurrent inserts)
so contacts and phones can point at them without reading anything back; ``ANALYZE`` runs at
the end. Concurrent runs queue on an advisory lock. Other databases fall back to
``bulk_create`` in batches. Synthetic rows get no history (the ``Historical*`` tables are
left alone), exactly as ``bulk_create`` without ``bulk_create_with_history`` would.

Numbers that must stay unique are taken from dedicated ranges, starting after the largest
value already stored there, so running the command again only adds:

* phone numbers: Greek mobiles ``+3069`` + 8 digits (all 100,000,000 of them are valid for
  ``phonenumbers``);
* account numbers: digits, from 90,000,000 up, after the largest numeric account number.
"""

from __future__ import annotations

import random
import time
from contextlib import contextmanager
from dataclasses import dataclass, field

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection, transaction
from django.db.models import BigIntegerField, Max
from django.db.models.functions import Cast
from django.utils import timezone

from catalog.choices import CustomerTier
from catalog.models import Contact, ContactPhone, Customer

PHONE_PREFIX = "+3069"
PHONE_DIGITS = 8
PHONE_CAPACITY = 10**PHONE_DIGITS
PHONE_PATTERN = rf"^\{PHONE_PREFIX}[0-9]{{{PHONE_DIGITS}}}$"
ACCOUNT_START = 90_000_000
#: Every n-th synthetic contact gets a second number (position 1): 1.2 phones per contact.
SECOND_PHONE_EVERY = 5
#: Serialise concurrent runs on PostgreSQL (they would pick the same number ranges).
ADVISORY_LOCK_KEY = 0x5D_10AD

FIRST_NAMES = [
    "Maria", "Eleni", "Katerina", "Georgia", "Sofia", "Anna", "Ioanna", "Dimitra", "Vasiliki",
    "Christina", "Giorgos", "Dimitris", "Kostas", "Giannis", "Nikos", "Panagiotis", "Vasilis",
    "Christos", "Thanasis", "Michalis", "Ana", "João", "Pedro", "Beatriz", "Sara", "Reza",
    "Maryam", "Ali", "Zahra", "Omid", "Emma", "Oliver", "Amelia", "Noah", "Lena", "Jonas",
]
LAST_NAMES = [
    "Papadopoulos", "Papadopoulou", "Nikolaidis", "Georgiou", "Oikonomou", "Dimitriou",
    "Konstantinou", "Ioannidis", "Vlachos", "Makris", "Karagianni", "Pappas", "Alexiou",
    "Silva", "Santos", "Ferreira", "Costa", "Ahmadi", "Hosseini", "Karimi", "Rahimi",
    "Smith", "Jones", "Brown", "Müller", "Schmidt", "Rossi", "Bianchi", "Dubois", "Martin",
]
COMPANY_WORDS = [
    "Aegean", "Olympus", "Hellas", "Attica", "Ionian", "Cyclades", "Athena", "Delta", "Meteora",
    "Lusitania", "Douro", "Persis", "Zagros", "Atlas", "Northwind", "Blue Harbour", "Kestrel",
]
COMPANY_KINDS = [
    "Logistics", "Shipping", "Bank", "Insurance", "Telecom", "Hotels", "Foods", "Energy",
    "Pharmacy", "Software", "Retail", "Travel", "Holdings", "Clinic", "Media",
]
TIER_WEIGHTS = [(CustomerTier.STANDARD, 80), (CustomerTier.GOLD, 15), (CustomerTier.VIP, 5)]
PERSON_NAMES = [f"{first} {last}" for first in FIRST_NAMES for last in LAST_NAMES]
COMPANY_NAMES = [f"{word} {kind}" for word in COMPANY_WORDS for kind in COMPANY_KINDS]


@dataclass
class TableTally:
    rows: int = 0
    seconds: float = 0.0


@dataclass
class Tally:
    tables: dict[str, TableTally] = field(default_factory=dict)
    phases: dict[str, float] = field(default_factory=dict)

    def add(self, table: str, rows: int, seconds: float) -> None:
        tally = self.tables.setdefault(table, TableTally())
        tally.rows += rows
        tally.seconds += seconds

    @contextmanager
    def phase(self, name: str):
        started = time.perf_counter()
        try:
            yield
        finally:
            self.phases[name] = self.phases.get(name, 0.0) + time.perf_counter() - started


def phone_number(suffix: int) -> str:
    return f"{PHONE_PREFIX}{suffix:0{PHONE_DIGITS}d}"


def next_phone_suffix() -> int:
    """The first free suffix of the synthetic range (after the largest number stored in it)."""
    largest = ContactPhone.objects.filter(number__regex=PHONE_PATTERN).aggregate(m=Max("number"))["m"]
    return int(largest[len(PHONE_PREFIX):]) + 1 if largest else 0


def next_account_number() -> int:
    largest = (
        Customer.objects.filter(account_number__regex=r"^[0-9]{1,18}$")
        .annotate(as_int=Cast("account_number", BigIntegerField()))
        .aggregate(m=Max("as_int"))["m"]
    )
    return max(ACCOUNT_START, (largest or 0) + 1)


class Command(BaseCommand):
    help = (
        "Bulk-create synthetic customers, contacts and contact phones for load tests. "
        "PostgreSQL: COPY in batches, then ANALYZE; other databases: bulk_create in batches. "
        "Phone numbers are valid, distinct Greek mobiles (+3069 + 8 digits) taken after the largest "
        "one already stored in that range; every 5th contact gets a second number. Account numbers "
        "are digits from 90000000 up, after the largest numeric one. Running it again adds more rows. "
        "Synthetic rows get no history: the historical tables are left empty for them."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--contacts", type=int, required=True, help="How many contacts to add.")
        parser.add_argument(
            "--customers", type=int, default=None,
            help="How many customers to add (default: one per 10 contacts, at least 1). "
            "New contacts are spread over the new customers; 0 leaves them without a customer.",
        )
        parser.add_argument("--batch", type=int, default=10_000, help="Rows per batch (default 10000).")
        parser.add_argument("--seed", type=int, default=None, help="Seed for names, tiers and customers.")

    def handle(self, *args, **options) -> None:
        contacts = options["contacts"]
        customers = options["customers"] if options["customers"] is not None else max(1, contacts // 10)
        batch = options["batch"]
        if contacts < 0 or customers < 0:
            raise CommandError("--contacts and --customers cannot be negative.")
        if batch < 1:
            raise CommandError("--batch must be at least 1.")
        self.rng = random.Random(options["seed"])
        self.verbosity = options["verbosity"]
        self.now = timezone.now()
        self.tally = Tally()
        use_copy = connection.vendor == "postgresql"

        started = time.perf_counter()
        if use_copy:
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_lock(%s)", [ADVISORY_LOCK_KEY])
        try:
            phones_needed = contacts + contacts // SECOND_PHONE_EVERY
            first_suffix = next_phone_suffix()
            if first_suffix + phones_needed > PHONE_CAPACITY:
                raise CommandError(
                    f"The synthetic phone range {PHONE_PREFIX}{'X' * PHONE_DIGITS} has "
                    f"{PHONE_CAPACITY - first_suffix} numbers left; {phones_needed} are needed."
                )
            first_account = next_account_number()
            if use_copy:
                customer_ids = self._copy_customers(customers, first_account, batch)
                self._copy_contacts(contacts, customer_ids, first_suffix, batch)
                analyze_started = time.perf_counter()
                tables = ", ".join(
                    connection.ops.quote_name(m._meta.db_table) for m in (Customer, Contact, ContactPhone)
                )
                with connection.cursor() as cursor:
                    cursor.execute(f"ANALYZE {tables}")
                analyze_seconds = time.perf_counter() - analyze_started
            else:
                customer_ids = self._bulk_customers(customers, first_account, batch)
                self._bulk_contacts(contacts, customer_ids, first_suffix, batch)
                analyze_seconds = None
        finally:
            if use_copy:
                with connection.cursor() as cursor:
                    cursor.execute("SELECT pg_advisory_unlock(%s)", [ADVISORY_LOCK_KEY])
        total = time.perf_counter() - started
        self._report(use_copy, total, analyze_seconds)

    # --- rows ---------------------------------------------------------------------------

    def _plan_customers(self, first_account: int, count: int) -> list[dict]:
        """Field values (by attname) for ``count`` customers with consecutive account numbers."""
        tiers = self.rng.choices([str(t) for t, _ in TIER_WEIGHTS], [w for _, w in TIER_WEIGHTS], k=count)
        names = self.rng.choices(COMPANY_NAMES, k=count)
        return [
            {"name": f"{name} {account}", "tier": tier, "account_number": str(account), "notes": "",
             "created_at": self.now}
            for account, name, tier in zip(range(first_account, first_account + count), names, tiers, strict=True)
        ]

    def _plan_contacts(self, start: int, count: int, customer_ids: list[int], next_suffix: int):
        """Values for ``count`` contacts and their phones: [(contact values, [(number, position)])]."""
        planned = []
        names = self.rng.choices(PERSON_NAMES, k=count)
        customers = self.rng.choices(customer_ids, k=count) if customer_ids else [None] * count
        for i, name, customer_id in zip(range(start, start + count), names, customers, strict=True):
            first = phone_number(next_suffix)
            numbers = [(first, 0)]
            next_suffix += 1
            if (i + 1) % SECOND_PHONE_EVERY == 0:
                numbers.append((phone_number(next_suffix), 1))
                next_suffix += 1
            # The first number is unique, so is the address made from it.
            values = {"name": name, "customer_id": customer_id, "email": f"c{first[1:]}@load.example.test",
                      "user_id": None, "pin_hash": "", "language": "", "created_at": self.now}
            planned.append((values, numbers))
        return planned, next_suffix

    # --- PostgreSQL: COPY ----------------------------------------------------------------

    @staticmethod
    def _relax_commit(cursor) -> None:
        """Synthetic rows need not wait for the WAL flush at each batch's commit (a crash can
        lose the last batches, never corrupt anything); in a profile of 200,000 contacts the
        flushes were a quarter of the run."""
        cursor.execute("SET LOCAL synchronous_commit TO OFF")

    @staticmethod
    def _reserve_ids(cursor, model, count: int) -> list[int]:
        """Take ``count`` ids from the table's own sequence, so concurrent inserts never collide."""
        cursor.execute(
            "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
            [connection.ops.quote_name(model._meta.db_table), model._meta.pk.column, count],
        )
        return [row[0] for row in cursor.fetchall()]

    def _copy(self, cursor, model, attnames: list[str], rows: list[tuple]) -> None:
        """COPY ``rows`` (tuples in ``attnames`` order) into the model's table; any other
        column gets its field's default (the primary key, the database's identity)."""
        pk = model._meta.pk
        rest = [f for f in model._meta.concrete_fields if f.attname not in attnames and f is not pk]
        tail = tuple(f.get_default() for f in rest)
        quote = connection.ops.quote_name
        columns = ", ".join(quote(model._meta.get_field(a).column) for a in attnames)
        columns += "".join(f", {quote(f.column)}" for f in rest)
        started = time.perf_counter()
        with cursor.copy(f"COPY {quote(model._meta.db_table)} ({columns}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row + tail if tail else row)
        self.tally.add(model._meta.db_table, len(rows), time.perf_counter() - started)

    def _copy_customers(self, count: int, first_account: int, batch: int) -> list[int]:
        ids: list[int] = []
        for start in range(0, count, batch):
            with self.tally.phase("generating rows"):
                planned = self._plan_customers(first_account + start, min(batch, count - start))
            with transaction.atomic(), connection.cursor() as cursor:
                self._relax_commit(cursor)
                with self.tally.phase("reserving ids"):
                    reserved = self._reserve_ids(cursor, Customer, len(planned))
                with self.tally.phase("generating rows"):
                    rows = [(pk, *values.values()) for pk, values in zip(reserved, planned, strict=True)]
                self._copy(cursor, Customer, ["id", *planned[0]], rows)
            ids.extend(reserved)
        return ids

    def _copy_contacts(self, count: int, customer_ids: list[int], first_suffix: int, batch: int) -> None:
        next_suffix = first_suffix
        for start in range(0, count, batch):
            size = min(batch, count - start)
            with self.tally.phase("generating rows"):
                planned, next_suffix = self._plan_contacts(start, size, customer_ids, next_suffix)
            with transaction.atomic(), connection.cursor() as cursor:
                self._relax_commit(cursor)
                # Phones point at their contacts, so contacts need their ids before COPY;
                # nothing points at phones, whose ids the database gives during COPY.
                with self.tally.phase("reserving ids"):
                    contact_ids = self._reserve_ids(cursor, Contact, size)
                with self.tally.phase("generating rows"):
                    contact_rows, phone_rows = [], []
                    for pk, (values, numbers) in zip(contact_ids, planned, strict=True):
                        contact_rows.append((pk, *values.values()))
                        phone_rows.extend((pk, n, p) for n, p in numbers)
                self._copy(cursor, Contact, ["id", *planned[0][0]], contact_rows)
                self._copy(cursor, ContactPhone, ["contact_id", "number", "position"], phone_rows)
            self._progress(start + size, count)

    # --- other databases: bulk_create -----------------------------------------------------

    def _bulk(self, model, objs: list) -> list:
        started = time.perf_counter()
        created = model.objects.bulk_create(objs)
        self.tally.add(model._meta.db_table, len(objs), time.perf_counter() - started)
        return created

    def _bulk_customers(self, count: int, first_account: int, batch: int) -> list[int]:
        ids: list[int] = []
        for start in range(0, count, batch):
            size = min(batch, count - start)
            with self.tally.phase("generating rows"):
                planned = [Customer(**values) for values in self._plan_customers(first_account + start, size)]
            with transaction.atomic():
                objs = self._bulk(Customer, planned)
                if any(o.pk is None for o in objs):  # backends that cannot return ids
                    by_account = dict(Customer.objects.filter(
                        account_number__in=[o.account_number for o in objs]).values_list("account_number", "id"))
                    for o in objs:
                        o.pk = by_account[o.account_number]
            ids.extend(o.pk for o in objs)
        return ids

    def _bulk_contacts(self, count: int, customer_ids: list[int], first_suffix: int, batch: int) -> None:
        next_suffix = first_suffix
        for start in range(0, count, batch):
            size = min(batch, count - start)
            with self.tally.phase("generating rows"):
                planned, next_suffix = self._plan_contacts(start, size, customer_ids, next_suffix)
            with transaction.atomic():
                contacts = self._bulk(Contact, [Contact(**values) for values, _ in planned])
                if any(c.pk is None for c in contacts):
                    by_email = dict(Contact.objects.filter(
                        email__in=[c.email for c in contacts]).values_list("email", "id"))
                    for c in contacts:
                        c.pk = by_email[c.email]
                self._bulk(ContactPhone, [
                    ContactPhone(contact_id=c.pk, number=n, position=p)
                    for c, (_, numbers) in zip(contacts, planned, strict=True) for n, p in numbers
                ])
            self._progress(start + size, count)

    # --- output ----------------------------------------------------------------------------

    def _progress(self, done: int, total: int) -> None:
        if self.verbosity >= 2:
            self.stdout.write(f"  {done}/{total} contacts")

    def _report(self, use_copy: bool, total: float, analyze_seconds: float | None) -> None:
        if self.verbosity < 1:
            return
        method = "COPY" if use_copy else "bulk_create"
        for table, tally in self.tally.tables.items():
            rate = tally.rows / tally.seconds if tally.seconds else float("inf")
            self.stdout.write(f"{table}: {tally.rows} rows in {tally.seconds:.2f} s ({rate:,.0f} rows/s, {method})")
        accounted = sum(t.seconds for t in self.tally.tables.values()) + (analyze_seconds or 0.0)
        for phase, seconds in self.tally.phases.items():
            self.stdout.write(f"{phase}: {seconds:.2f} s")
            accounted += seconds
        if analyze_seconds is not None:
            self.stdout.write(f"ANALYZE: {analyze_seconds:.2f} s")
        self.stdout.write(f"the rest (commits, finding free number ranges): {max(0.0, total - accounted):.2f} s")
        rows = sum(t.rows for t in self.tally.tables.values())
        self.stdout.write(self.style.SUCCESS(
            f"generate_load: {rows} rows in {total:.2f} s ({rows / total if total else 0:,.0f} rows/s overall)"
        ))
