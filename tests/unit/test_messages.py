"""Texts of the core keep their template (core/messages.py): the CLI prints the English text, the
window translates the template and fills in the same values."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from desktop_app.core.errors import ImportFailed
from desktop_app.core.importing import read_file
from desktop_app.core.messages import Message


def test_a_message_is_its_english_text_and_keeps_its_template() -> None:
    message = Message("file too large ({0}; limit {1})", "120 MB", "100 MB")
    assert message == "file too large (120 MB; limit 100 MB)" and f"{message}" == str(message)
    assert (message.template, message.args) == ("file too large ({0}; limit {1})", ("120 MB", "100 MB"))
    again = pickle.loads(pickle.dumps(message))  # a worker process hands it back whole
    assert isinstance(again, Message) and again == message and again.args == message.args
    assert Message("{0} in {1}", "geen {x}", "map") == "geen {x} in map"  # values are not templates


def test_an_import_failure_names_the_file_and_keeps_the_reasons_template(tmp_path: Path) -> None:
    broken = tmp_path / "kapot.pdf"
    broken.write_bytes(b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\n")
    with pytest.raises(ImportFailed) as caught:
        read_file(broken)
    error = caught.value
    assert error.message == f"{broken}: truncated or damaged PDF"
    assert isinstance(error.problem, Message) and error.problem.template == "truncated or damaged PDF"
    assert isinstance(error.message, Message) and error.message.args == (str(broken), error.problem)
