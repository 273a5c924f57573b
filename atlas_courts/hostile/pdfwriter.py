"""A tiny raw PDF writer for hostile files: every byte is under our control.

Real PDF libraries refuse to write what we need (cycles, lies in /Count,
bombs, two startxref sections), so objects are written as literal syntax and
the cross-reference table is computed here. Encryption (RC4 40/128-bit, AES-128,
AES-256) is done here too, from seeded salts and IVs, so that the encrypted
files are byte-reproducible (qpdf/pikepdf draw fresh random IVs on every save).
The algorithms are those of ISO 32000-2 §7.6 (Algorithms 2-11, 2.A and 2.B).
"""

from __future__ import annotations

import hashlib
import random
import struct
import zlib
from dataclasses import dataclass, field

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

try:  # cryptography >= 43 moved ARC4 to the "decrepit" package
    from cryptography.hazmat.decrepit.ciphers.algorithms import ARC4
except ImportError:  # pragma: no cover - older cryptography
    from cryptography.hazmat.primitives.ciphers.algorithms import ARC4  # type: ignore[no-redef]

# The padding string of Algorithm 2 (ISO 32000 §7.6.4.3.2).
_PAD = bytes.fromhex("28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A")


def deflate(data: bytes, level: int = 9) -> bytes:
    return zlib.compress(data, level)


def deflate_zeros(size: int, byte: bytes = b"\0", level: int = 9) -> bytes:
    """``size`` copies of ``byte`` deflated, without holding them in memory (level 9: ~1000:1;
    level 1: ~230:1 in a third of the time)."""
    comp = zlib.compressobj(level)
    chunk = byte * (1 << 20)
    out = []
    left = size
    while left:
        n = min(left, len(chunk))
        out.append(comp.compress(chunk[:n]))
        left -= n
    out.append(comp.flush())
    return b"".join(out)


def _rc4(key: bytes, data: bytes) -> bytes:
    enc = Cipher(ARC4(key), mode=None).encryptor()
    return enc.update(data) + enc.finalize()


def _aes_cbc(key: bytes, iv: bytes, data: bytes, *, pad: bool) -> bytes:
    if pad:
        n = 16 - len(data) % 16
        data += bytes([n]) * n
    enc = Cipher(algorithms.AES(key), modes.CBC(iv)).encryptor()
    return enc.update(data) + enc.finalize()


def _hash_2b(password: bytes, salt: bytes, udata: bytes) -> bytes:
    """Algorithm 2.B (PDF 2.0, AES-256 revision 6)."""
    k = hashlib.sha256(password + salt + udata).digest()
    i = 0
    while True:
        k1 = (password + k + udata) * 64
        e = _aes_cbc(k[:16], k[16:32], k1, pad=False)
        mod = sum(e[:16]) % 3
        k = (hashlib.sha256, hashlib.sha384, hashlib.sha512)[mod](e).digest()
        i += 1
        if i >= 64 and e[-1] <= i - 32:
            return k[:32]


@dataclass
class Encryption:
    """How to encrypt: ``revision`` 2 (RC4 40), 3 (RC4 128), 4 (AES-128) or 6 (AES-256)."""

    revision: int
    user: str = ""
    owner: str = "owner"
    permissions: int = -3904  # printing and copying refused: only bits 7-8 and 10-12 set, rest reserved ones
    seed: int = 0
    key: bytes = field(default=b"", init=False)
    entries: str = field(default="", init=False)

    def setup(self, file_id: bytes) -> None:
        rng = random.Random(self.seed)
        user, owner = self.user.encode("latin-1"), (self.owner or self.user).encode("latin-1")
        p = self.permissions
        if self.revision == 6:
            self.key = rng.randbytes(32)
            uvs, uks, ovs, oks = (rng.randbytes(8) for _ in range(4))
            u = _hash_2b(user, uvs, b"") + uvs + uks
            ue = _aes_cbc(_hash_2b(user, uks, b""), b"\0" * 16, self.key, pad=False)
            o = _hash_2b(owner, ovs, u) + ovs + oks
            oe = _aes_cbc(_hash_2b(owner, oks, u), b"\0" * 16, self.key, pad=False)
            perms = struct.pack("<i", p) + b"\xff\xff\xff\xffTadb" + rng.randbytes(4)
            perms_enc = Cipher(algorithms.AES(self.key), modes.ECB()).encryptor().update(perms)
            self.entries = (
                f"/Filter /Standard /V 5 /R 6 /Length 256 /P {p} /EncryptMetadata true "
                f"/CF << /StdCF << /CFM /AESV3 /AuthEvent /DocOpen /Length 32 >> >> /StmF /StdCF /StrF /StdCF "
                f"/O <{o.hex()}> /U <{u.hex()}> /OE <{oe.hex()}> /UE <{ue.hex()}> /Perms <{perms_enc.hex()}>"
            )
            return
        n = 5 if self.revision == 2 else 16
        # Algorithm 3: the O entry.
        h = hashlib.md5((owner + _PAD)[:32]).digest()
        if self.revision >= 3:
            for _ in range(50):
                h = hashlib.md5(h[:n]).digest()
        okey = h[:n]
        o = _rc4(okey, (user + _PAD)[:32])
        if self.revision >= 3:
            for i in range(1, 20):
                o = _rc4(bytes(b ^ i for b in okey), o)
        # Algorithm 2: the file key.
        h = hashlib.md5((user + _PAD)[:32] + o + struct.pack("<i", p) + file_id).digest()
        if self.revision >= 3:
            for _ in range(50):
                h = hashlib.md5(h[:n]).digest()
        self.key = h[:n]
        # Algorithms 4 and 5: the U entry.
        if self.revision == 2:
            u = _rc4(self.key, _PAD)
        else:
            u = _rc4(self.key, hashlib.md5(_PAD + file_id).digest())
            for i in range(1, 20):
                u = _rc4(bytes(b ^ i for b in self.key), u)
            u += rng.randbytes(16)
        if self.revision == 2:
            head = "/V 1 /R 2 /Length 40"
        elif self.revision == 3:
            head = "/V 2 /R 3 /Length 128"
        else:
            head = ("/V 4 /R 4 /Length 128 /CF << /StdCF << /CFM /AESV2 /AuthEvent /DocOpen /Length 16 >> >> "
                    "/StmF /StdCF /StrF /StdCF")
        self.entries = f"/Filter /Standard {head} /P {p} /O <{o.hex()}> /U <{u.hex()}>"

    def encrypt(self, num: int, gen: int, data: bytes, rng: random.Random) -> bytes:
        """Algorithm 1 (RC4, AESV2) or 1.A (AESV3) for one string or stream."""
        if self.revision == 6:
            iv = rng.randbytes(16)
            return iv + _aes_cbc(self.key, iv, data, pad=True)
        salt = b"sAlT" if self.revision == 4 else b""
        okey = hashlib.md5(self.key + struct.pack("<i", num)[:3] + struct.pack("<i", gen)[:2] + salt).digest()
        okey = okey[: min(len(self.key) + 5, 16)]
        if self.revision == 4:
            iv = rng.randbytes(16)
            return iv + _aes_cbc(okey, iv, data, pad=True)
        return _rc4(okey, data)


class PdfBuilder:
    """Objects in, bytes out. Bodies are PDF syntax (str or bytes); streams are
    given as (dictionary entries, data) and get their /Length here."""

    def __init__(self, version: str = "1.7"):
        self.version = version
        self._objects: dict[int, tuple[bytes, bytes | None]] = {}
        self._next = 1

    def reserve(self) -> int:
        num = self._next
        self._next += 1
        return num

    def add(self, body: str | bytes, num: int | None = None) -> int:
        if num is None:
            num = self.reserve()
        self._objects[num] = (body.encode("latin-1") if isinstance(body, str) else body, None)
        return num

    def stream(self, entries: str, data: bytes, num: int | None = None, *, length: int | None = None) -> int:
        """A stream object; ``length`` overrides the true /Length (a lie, when wanted)."""
        if num is None:
            num = self.reserve()
        self._objects[num] = (entries.encode("latin-1"), data)
        if length is not None:
            self._objects[num] = (entries.encode("latin-1") + f" /Length {length}".encode(), data)
        return num

    def body_bytes(self, encryption: Encryption | None = None, seed: int = 0) -> tuple[bytes, dict[int, int]]:
        """The objects serialised from offset 0 after the header; (bytes, number -> offset)."""
        rng = random.Random(seed)
        out = bytearray()
        offsets: dict[int, int] = {}
        for num in sorted(self._objects):
            body, data = self._objects[num]
            offsets[num] = len(out)
            out += f"{num} 0 obj\n".encode()
            if data is None:
                out += body
            else:
                if encryption is not None:
                    data = encryption.encrypt(num, 0, data, rng)
                has_length = b"/Length" in body
                out += b"<< " + body + (b"" if has_length else f" /Length {len(data)}".encode()) + b" >>\nstream\n"
                out += data + b"\nendstream"
            out += b"\nendobj\n"
        return bytes(out), offsets

    def build(
        self,
        root: int,
        *,
        info: int | None = None,
        encryption: Encryption | None = None,
        trailer_extra: str = "",
        seed: int = 0,
    ) -> bytes:
        file_id = hashlib.md5(f"atlas-hostile-{seed}".encode()).digest()
        enc_num = None
        if encryption is not None:
            encryption.setup(file_id)
            enc_num = self.add(f"<< {encryption.entries} >>")
            # The /Encrypt dictionary itself is never encrypted.
        header = f"%PDF-{self.version}\n%\xe2\xe3\xcf\xd3\n".encode("latin-1")
        plain = {enc_num} if enc_num else set()
        body, offsets = self._body(encryption, seed, plain)
        out = bytearray(header)
        base = len(out)
        out += body
        xref = len(out)
        size = max(self._objects) + 1
        out += f"xref\n0 {size}\n".encode() + b"0000000000 65535 f \n"
        for num in range(1, size):
            if num in offsets:
                out += f"{offsets[num] + base:010d} 00000 n \n".encode()
            else:
                out += b"0000000000 65535 f \n"
        trailer = f"/Size {size} /Root {root} 0 R /ID [<{file_id.hex()}> <{file_id.hex()}>]"
        if info:
            trailer += f" /Info {info} 0 R"
        if enc_num:
            trailer += f" /Encrypt {enc_num} 0 R"
        out += f"trailer\n<< {trailer} {trailer_extra} >>\nstartxref\n{xref}\n%%EOF\n".encode()
        return bytes(out)

    def _body(self, encryption, seed, plain) -> tuple[bytes, dict[int, int]]:
        if encryption is None:
            return self.body_bytes(None, seed)
        saved = {n: self._objects.pop(n) for n in plain}
        body, offsets = self.body_bytes(encryption, seed)
        tail = bytearray(body)
        self._objects.update(saved)
        for num in sorted(saved):
            offsets[num] = len(tail)
            tail += f"{num} 0 obj\n".encode() + saved[num][0] + b"\nendobj\n"
        return bytes(tail), offsets


# --------------------------------------------------------------------------- simple documents

FONT = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"

TEXT = (
    "IN THE CRIMINAL COURT. The State versus John Doe. Case No. 123/2020.",
    "The accused was charged with trafficking in persons for forced labour.",
    "Having heard the evidence, the court finds the accused guilty as charged.",
    "He is sentenced to eight years of imprisonment and a fine of 5,000 dollars.",
    "Decided on the fourteenth day of March, 2019. So ordered.",
)


def _escape(line: str) -> str:
    return line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def text_content(lines: tuple[str, ...] | list[str] = TEXT, *, top: int = 740) -> bytes:
    ops = ["BT /F1 11 Tf 14 TL", f"72 {top} Td"]
    for line in lines:
        ops.append(f"({_escape(line)}) Tj T*")
    ops.append("ET")
    return "\n".join(ops).encode("latin-1")


def simple_pdf(
    pages: int = 1,
    *,
    lines: tuple[str, ...] | list[str] = TEXT,
    encryption: Encryption | None = None,
    compress: bool = True,
    seed: int = 0,
    extra_catalog: str = "",
    page_extra: str = "",
    mediabox: str = "[0 0 612 792]",
) -> bytes:
    """A plain, valid PDF of ``pages`` pages of text (the base most hostile files start from)."""
    b = PdfBuilder()
    catalog = b.reserve()
    pages_num = b.reserve()
    font = b.add(FONT)
    kids = []
    for i in range(pages):
        content = text_content([f"Page {i + 1}."] + list(lines))
        data = deflate(content) if compress else content
        c = b.stream("/Filter /FlateDecode" if compress else "", data)
        kids.append(
            b.add(
                f"<< /Type /Page /Parent {pages_num} 0 R /MediaBox {mediabox} "
                f"/Resources << /Font << /F1 {font} 0 R >> >> /Contents {c} 0 R {page_extra} >>"
            )
        )
    b.add(f"<< /Type /Pages /Kids [{' '.join(f'{k} 0 R' for k in kids)}] /Count {pages} >>", pages_num)
    b.add(f"<< /Type /Catalog /Pages {pages_num} 0 R {extra_catalog} >>", catalog)
    # No /Info when encrypting: its strings would have to be encrypted too.
    info = None if encryption else b.add("<< /Producer (atlas hostile generator) >>")
    return b.build(catalog, info=info, encryption=encryption, seed=seed)
