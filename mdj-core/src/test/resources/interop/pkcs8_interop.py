"""Test helper for PemOpenSslInteropTest: mod_md's key I/O done by libcrypto itself.

usage: pkcs8_interop.py MODE PASSPHRASE_HEX < pem > pem
  libcrypto-encrypt   plain PEM in -> PEM_write_bio_PKCS8PrivateKey(..., EVP_aes_256_cbc(), pass) out
                      (the exact call mod_md makes for keys in accounts/ and staging/)
  libcrypto-decrypt   encrypted PEM in -> PEM_read_bio_PrivateKey with a binary passphrase callback
                      -> plain PKCS#8 PEM out
  cryptography-decrypt  encrypted PEM in -> python cryptography load_pem_private_key -> plain PEM out
"""
import ctypes
import ctypes.util
import sys

mode, pw = sys.argv[1], bytes.fromhex(sys.argv[2])
data = sys.stdin.buffer.read()

if mode == "cryptography-decrypt":
    from cryptography.hazmat.primitives import serialization as s
    key = s.load_pem_private_key(data, password=pw)
    sys.stdout.buffer.write(key.private_bytes(s.Encoding.PEM, s.PrivateFormat.PKCS8, s.NoEncryption()))
    sys.exit(0)

lib = ctypes.CDLL(ctypes.util.find_library("crypto") or "libcrypto.so.3")
vp = ctypes.c_void_p
lib.BIO_new_mem_buf.restype = vp
lib.BIO_new_mem_buf.argtypes = [ctypes.c_char_p, ctypes.c_int]
lib.BIO_s_mem.restype = vp
lib.BIO_new.restype = vp
lib.BIO_new.argtypes = [vp]
lib.BIO_ctrl.restype = ctypes.c_long
lib.BIO_ctrl.argtypes = [vp, ctypes.c_int, ctypes.c_long, vp]
lib.EVP_aes_256_cbc.restype = vp
CB = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.POINTER(ctypes.c_char), ctypes.c_int, ctypes.c_int, vp)
lib.PEM_read_bio_PrivateKey.restype = vp
lib.PEM_read_bio_PrivateKey.argtypes = [vp, vp, CB, vp]
lib.PEM_write_bio_PKCS8PrivateKey.argtypes = [vp, vp, vp, ctypes.c_char_p, ctypes.c_int, vp, vp]


@CB
def cb(buf, size, rwflag, u):
    if len(pw) > size:
        return -1
    ctypes.memmove(buf, pw, len(pw))
    return len(pw)


def out(bio):
    ptr = ctypes.c_char_p()
    n = lib.BIO_ctrl(bio, 3, 0, ctypes.byref(ptr))  # BIO_CTRL_INFO = BIO_get_mem_data
    sys.stdout.buffer.write(ctypes.string_at(ptr, n))


src = lib.BIO_new_mem_buf(data, len(data))
pkey = lib.PEM_read_bio_PrivateKey(src, None, cb, None)
if not pkey:
    sys.exit("libcrypto could not read the key")
dst = lib.BIO_new(lib.BIO_s_mem())
if mode == "libcrypto-encrypt":
    ok = lib.PEM_write_bio_PKCS8PrivateKey(dst, pkey, lib.EVP_aes_256_cbc(), pw, len(pw), None, None)
elif mode == "libcrypto-decrypt":
    ok = lib.PEM_write_bio_PKCS8PrivateKey(dst, pkey, None, None, 0, None, None)
else:
    sys.exit("unknown mode " + mode)
if ok != 1:
    sys.exit("libcrypto could not write the key")
out(dst)
