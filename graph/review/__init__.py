"""Review proposals into a dataset: ``graph review``'s library.

The pipeline reads off the modules: :mod:`~graph.review.proposals` reads and
checks the proposals ``graph extract`` wrote; :mod:`~graph.review.session`
keeps the decisions beside them, so a review resumes;
:mod:`~graph.review.decisions` changes a proposal before it is accepted
(direction, type, sign, quote); :mod:`~graph.review.additions` decides what
the accepted ones add to the dataset; :mod:`~graph.review.write` writes them
(YAML through :mod:`~graph.review.yaml_writer`, CSV tables through
:mod:`~graph.review.table_writer`) and keeps them only when the dataset still
validates.
"""

from .additions import Additions, plan_additions
from .decisions import (
    Draft,
    ReviewError,
    change_sign,
    change_type,
    edit_quote,
    flip,
    toggle_hedged,
    types_with_sign,
)
from .proposals import ArticleProposals, ProposalsError, read_proposals
from .session import ReviewSession, proposal_keys, state_path

__all__ = [
    "Additions",
    "ArticleProposals",
    "Draft",
    "ProposalsError",
    "ReviewError",
    "ReviewSession",
    "change_sign",
    "change_type",
    "edit_quote",
    "flip",
    "plan_additions",
    "proposal_keys",
    "read_proposals",
    "state_path",
    "toggle_hedged",
    "types_with_sign",
]
