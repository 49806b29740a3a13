"""The vocabulary every rule speaks: reasons, verdicts and the error for bad input.

Legal basis: none; no rule lives here. Each rule module cites its own sources.
"""

from __future__ import annotations

from dataclasses import dataclass, field


class RuleInputError(ValueError):
    """Input a rule cannot work with; the message is Indonesian and shown to users as is."""

    def __init__(self, message: str, code: str = "input_tidak_valid") -> None:
        super().__init__(message)
        self.message = message
        self.code = code


@dataclass(frozen=True)
class Reason:
    """Why a rule decided what it did: a stable machine code and an Indonesian message."""

    code: str
    message: str

    def as_dict(self) -> dict[str, str]:
        return {"code": self.code, "message": self.message}


@dataclass(frozen=True)
class Verdict:
    """A yes/no decision that always says why (``reasons`` lists every unmet condition)."""

    ok: bool
    reasons: tuple[Reason, ...] = field(default_factory=tuple)

    @classmethod
    def from_failures(cls, failures: list[Reason] | tuple[Reason, ...]) -> Verdict:
        return cls(ok=not failures, reasons=tuple(failures))

    def as_dict(self) -> dict:
        return {"ok": self.ok, "reasons": [r.as_dict() for r in self.reasons]}
