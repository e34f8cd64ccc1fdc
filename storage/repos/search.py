"""The per-plan search index: every text people write, one row per item, found by word forms."""

from __future__ import annotations

from dataclasses import dataclass

from storage.repos.base import Repo
from storage.textsearch import index_columns, match_expression, parse_query


@dataclass(frozen=True)
class SearchHit:
    """One item a search found: its kind (`log`, `followup`, `activity`, …) and row id."""

    kind: str
    item_id: int


class SearchIndex(Repo):
    """The search index. A kind of item joins it by calling `put` when its text is written."""

    def put(self, plan_id: int, kind: str, item_id: int, texts: list[str]) -> None:
        """Index (or re-index) the texts of one item; it keeps its place in the newest-first order."""
        sv, en, ws = index_columns(plan_id, texts)
        row = self._one(
            "SELECT id FROM search_items WHERE kind = ? AND item_id = ?", (kind, item_id)
        )
        if row is None:
            cur = self.db.execute(
                "INSERT INTO search_items (plan_id, kind, item_id) VALUES (?, ?, ?)",
                (plan_id, kind, item_id),
            )
            self.db.execute(
                "INSERT INTO search_terms (rowid, sv, en, words) VALUES (?, ?, ?, ?)",
                (cur.lastrowid, sv, en, ws),
            )
        else:
            self.db.execute(
                "UPDATE search_terms SET sv = ?, en = ?, words = ? WHERE rowid = ?",
                (sv, en, ws, row["id"]),
            )

    def remove(self, kind: str, item_id: int) -> None:
        """Take one item out of the index."""
        row = self._one(
            "SELECT id FROM search_items WHERE kind = ? AND item_id = ?", (kind, item_id)
        )
        if row is not None:
            self.db.execute("DELETE FROM search_terms WHERE rowid = ?", (row["id"],))
            self.db.execute("DELETE FROM search_items WHERE id = ?", (row["id"],))

    def remove_plan(self, plan_id: int) -> None:
        """Take every item of a plan out of the index (the plan is erased)."""
        self.db.execute(
            "DELETE FROM search_terms WHERE rowid IN (SELECT id FROM search_items WHERE plan_id = ?)",
            (plan_id,),
        )
        self.db.execute("DELETE FROM search_items WHERE plan_id = ?", (plan_id,))

    def purge(self) -> None:
        """Merge the index into one segment, so that no old segment keeps the words of a text
        that was deleted or corrected (with secure_delete the freed pages are zeroed too)."""
        self.db.execute("INSERT INTO search_terms (search_terms) VALUES ('optimize')")

    def find(self, plan_id: int, query: str, limit: int) -> tuple[list[SearchHit], int]:
        """A plan's items matching every term of the query, newest first, and how many in all."""
        expression = match_expression(plan_id, parse_query(query))
        if not expression:
            return [], 0
        total = self._one(
            "SELECT COUNT(*) AS n FROM search_terms WHERE search_terms MATCH ?", (expression,)
        )
        rows = self._all(
            "SELECT i.kind, i.item_id FROM "
            "(SELECT rowid FROM search_terms WHERE search_terms MATCH ? ORDER BY rowid DESC "
            "LIMIT ?) s JOIN search_items i ON i.id = s.rowid ORDER BY i.id DESC",
            (expression, limit),
        )
        hits = [SearchHit(r["kind"], r["item_id"]) for r in rows]
        return hits, int(total["n"]) if total else 0
