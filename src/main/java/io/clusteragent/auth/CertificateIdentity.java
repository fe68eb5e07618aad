package io.clusteragent.auth;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.security.auth.x500.X500Principal;

/**
 * The caller a verified client certificate names, as the API server's x509 authenticator reads it: the
 * subject's common name is the user, each organization a group.
 */
final class CertificateIdentity {

    private CertificateIdentity() {}

    /** Empty when the subject has no common name, which the API server refuses too. */
    static Optional<Caller> of(X509Certificate certificate) {
        String subject = certificate.getSubjectX500Principal().getName(X500Principal.RFC2253);
        String user = null;
        List<String> groups = new ArrayList<>();
        try {
            // LdapName lists the RDNs in the certificate's own (ASN.1) order, the order Go's x509 gives the API server.
            for (Rdn rdn : new LdapName(subject).getRdns()) {
                String value = String.valueOf(rdn.getValue());
                if (rdn.getType().equalsIgnoreCase("CN") && user == null) {
                    user = value;
                } else if (rdn.getType().equalsIgnoreCase("O")) {
                    groups.add(value);
                }
            }
        } catch (InvalidNameException e) {
            return Optional.empty();
        }
        if (user == null || user.isEmpty()) {
            return Optional.empty();
        }
        groups.add(Caller.AUTHENTICATED);
        return Optional.of(new Caller(user, groups, "", Map.of()));
    }
}
