// The keystore's host functions: sign, sign_ephemeral, verify_signature and
// the xsalsa20poly1305 / x25519 boxes (holochain_integrity_types::signature,
// ::x_salsa20_poly1305, holochain_zome_types::signature). Hashing is not
// here: in this release it runs in the guest (hdk/hashing.hpp).
#pragma once

#include <optional>
#include <vector>

#include "hdk/codec.hpp"
#include "hdk/types/hash.hpp"
#include "hdk/types/record.hpp"

namespace hdk {

/// sign's input: the agent's key and the bytes to sign (serde_bytes ByteBuf).
struct Sign {
  AgentPubKey key;
  Bytes data;
  HDK_STRUCT(key, data);
};

/// sign_ephemeral's input: each item signed by one fresh key pair that the
/// host throws away (#[serde(transparent)]: an array of bins).
struct SignEphemeral {
  std::vector<Bytes> items;
  HDK_NEWTYPE(items);
};

/// sign_ephemeral's answer: the throwaway public key and one signature per item.
struct EphemeralSignatures {
  AgentPubKey key;
  std::vector<Signature> signatures;
  HDK_STRUCT(key, signatures);
};

struct VerifySignature {
  AgentPubKey key;
  Signature signature;
  Bytes data;
  HDK_STRUCT(key, signature, data);
};

// Fixed-size keys and nonces cross as bins of their bytes (secure_primitive!).

/// An x25519 public key: 32 bytes.
struct X25519PubKey {
  Bytes bytes;
  HDK_NEWTYPE(bytes);
};
/// A name for a shared secret kept in the keystore.
struct XSalsa20Poly1305KeyRef {
  Bytes bytes;
  HDK_NEWTYPE(bytes);
};
/// Plain data to encrypt, or decrypted data.
struct XSalsa20Poly1305Data {
  Bytes bytes;
  HDK_NEWTYPE(bytes);
};
/// A 24-byte nonce.
struct XSalsa20Poly1305Nonce {
  Bytes bytes;
  HDK_NEWTYPE(bytes);
};
struct XSalsa20Poly1305EncryptedData {
  XSalsa20Poly1305Nonce nonce;
  Bytes encrypted_data;
  HDK_STRUCT(nonce, encrypted_data);
};

struct XSalsa20Poly1305SharedSecretExport {
  X25519PubKey sender;
  X25519PubKey recipient;
  XSalsa20Poly1305KeyRef key_ref;
  HDK_STRUCT(sender, recipient, key_ref);
};
struct XSalsa20Poly1305SharedSecretIngest {
  X25519PubKey recipient;
  X25519PubKey sender;
  XSalsa20Poly1305EncryptedData encrypted_data;
  std::optional<XSalsa20Poly1305KeyRef> key_ref;
  HDK_STRUCT(recipient, sender, encrypted_data, key_ref);
};
struct XSalsa20Poly1305Encrypt {
  XSalsa20Poly1305KeyRef key_ref;
  XSalsa20Poly1305Data data;
  HDK_STRUCT(key_ref, data);
};
struct XSalsa20Poly1305Decrypt {
  XSalsa20Poly1305KeyRef key_ref;
  XSalsa20Poly1305EncryptedData encrypted_data;
  HDK_STRUCT(key_ref, encrypted_data);
};
struct X25519XSalsa20Poly1305Encrypt {
  X25519PubKey sender;
  X25519PubKey recipient;
  XSalsa20Poly1305Data data;
  HDK_STRUCT(sender, recipient, data);
};
struct X25519XSalsa20Poly1305Decrypt {
  X25519PubKey recipient;
  X25519PubKey sender;
  XSalsa20Poly1305EncryptedData encrypted_data;
  HDK_STRUCT(recipient, sender, encrypted_data);
};
/// The same boxes between agents' Ed25519 keys (converted to x25519 by the host).
struct Ed25519XSalsa20Poly1305Encrypt {
  AgentPubKey sender;
  AgentPubKey recipient;
  XSalsa20Poly1305Data data;
  HDK_STRUCT(sender, recipient, data);
};
struct Ed25519XSalsa20Poly1305Decrypt {
  AgentPubKey recipient;
  AgentPubKey sender;
  XSalsa20Poly1305EncryptedData encrypted_data;
  HDK_STRUCT(recipient, sender, encrypted_data);
};

}  // namespace hdk
