package org.portpass.auth.internal.service;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.text.ParseException;
import java.util.Base64;
import java.util.Date;
import org.portpass.auth.internal.entity.SigningKeyEntity;
import org.portpass.core.ConflictException;
import org.portpass.core.UnauthorizedException;
import org.portpass.storage.Transactions;

/**
 * The ES256 key pair that signs PortPass tokens. It lives in the database so that every server node
 * signs and verifies with the same key, with no session state shared between nodes. The first node
 * to start creates it.
 */
final class TokenKeys {
  static final String KEY_ID = "portpass-es256-1";
  static final String ISSUER = "portpass";

  private final ECDSASigner signer;
  private final ECDSAVerifier verifier;

  private TokenKeys(ECPrivateKey privateKey, ECPublicKey publicKey) throws JOSEException {
    this.signer = new ECDSASigner(privateKey);
    this.verifier = new ECDSAVerifier(publicKey);
  }

  static TokenKeys loadOrCreate(Transactions tx) {
    SigningKeyEntity stored = tx.read(em -> em.find(SigningKeyEntity.class, KEY_ID));
    if (stored == null) {
      try {
        SigningKeyEntity created = generate();
        tx.write(em -> em.persist(created));
        stored = created;
      } catch (ConflictException anotherNodeWasFirst) {
        stored = tx.read(em -> em.find(SigningKeyEntity.class, KEY_ID));
      }
    }
    try {
      KeyFactory factory = KeyFactory.getInstance("EC");
      ECPrivateKey privateKey =
          (ECPrivateKey)
              factory.generatePrivate(
                  new PKCS8EncodedKeySpec(Base64.getDecoder().decode(stored.getPrivateKey())));
      ECPublicKey publicKey =
          (ECPublicKey)
              factory.generatePublic(
                  new X509EncodedKeySpec(Base64.getDecoder().decode(stored.getPublicKey())));
      return new TokenKeys(privateKey, publicKey);
    } catch (GeneralSecurityException | JOSEException e) {
      throw new IllegalStateException("the stored token signing key cannot be read", e);
    }
  }

  String sign(JWTClaimsSet claims) {
    try {
      SignedJWT jwt =
          new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(KEY_ID).build(), claims);
      jwt.sign(signer);
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException("signing failed", e);
    }
  }

  /** The claims of a token this server signed, if its signature, issuer, type and expiry hold. */
  JWTClaimsSet verify(String token, String type) {
    try {
      SignedJWT jwt = SignedJWT.parse(token);
      if (!JWSAlgorithm.ES256.equals(jwt.getHeader().getAlgorithm()) || !jwt.verify(verifier)) {
        throw new UnauthorizedException("the token is not valid", "token-invalid");
      }
      JWTClaimsSet claims = jwt.getJWTClaimsSet();
      if (!ISSUER.equals(claims.getIssuer()) || !type.equals(claims.getStringClaim("typ"))) {
        throw new UnauthorizedException("the token is not valid", "token-invalid");
      }
      if (claims.getExpirationTime() == null || claims.getExpirationTime().before(new Date())) {
        throw new UnauthorizedException("the token has expired; log in again", "token-expired");
      }
      return claims;
    } catch (ParseException | JOSEException | IllegalStateException e) {
      throw new UnauthorizedException("the token is not valid", "token-invalid");
    }
  }

  private static SigningKeyEntity generate() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"));
      KeyPair pair = generator.generateKeyPair();
      SigningKeyEntity entity = new SigningKeyEntity();
      entity.setKeyId(KEY_ID);
      entity.setPrivateKey(Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()));
      entity.setPublicKey(Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()));
      entity.setCreatedAt(new Date());
      return entity;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("EC P-256 is part of every JDK", e);
    }
  }
}
