import io

import pytest
import zxingcpp
from django.core.management import call_command
from PIL import Image
from pypdf import PdfReader

from salon.access.badges import codec
from salon.access.domain import keys
from salon.access.domain.badges import issue_badge
from salon.access.domain.printing import badges_pdf


def _qr_texts(pdf: bytes) -> list[str]:
    texts = []
    for page in PdfReader(io.BytesIO(pdf)).pages:
        (image,) = page.images
        decoded = zxingcpp.read_barcodes(Image.open(io.BytesIO(image.data)))
        texts.append(decoded[0].text)
    return texts


@pytest.mark.django_db
def test_pdf_badge_qr_decodes_to_valid_payload(visitor_badge):
    pdf = badges_pdf([visitor_badge])
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 1
    text = reader.pages[0].extract_text()
    for expected in ("Claire Dubois", "Gendarmerie nationale", "France", "VISITOR", "Milipol Test"):
        assert expected in text
    (payload,) = _qr_texts(pdf)
    assert payload == visitor_badge.payload
    parsed = codec.parse(payload)
    assert codec.verify(parsed, keys.public_key(visitor_badge.edition_id, parsed.claims.key_version)) is True


@pytest.mark.django_db
def test_pdf_batch_cli_one_page_per_active_badge(edition, visitor_badge, organizer, tmp_path, capsys):
    other = issue_badge(
        edition,
        holder_name="Олег Петров",
        organization="Şahin Savunma",
        country="TR",
        category="press",
        actor=organizer,
    )
    out = tmp_path / "badges.pdf"
    call_command("badges", "print", edition.slug, "--out", str(out))
    content = out.read_bytes()
    assert _qr_texts(content) == [visitor_badge.payload, other.payload]
    assert "Олег Петров" in PdfReader(io.BytesIO(content)).pages[1].extract_text()
    assert f"{out}: 2 badge(s)" in capsys.readouterr().out
