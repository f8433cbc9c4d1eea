package org.smartcontainer.audit;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.interceptor.Interceptors;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.smartcontainer.persistence.DatabaseOutages;

/** Writes batches of audit events, each batch in its own transaction: what the {@link AuditBuffer} writes to. */
@Stateless
@Interceptors(DatabaseOutages.class)
public class AuditStore {

    @PersistenceContext(unitName = "smart")
    private EntityManager em;

    /** Stores the events: all of them or, if the transaction fails, none. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void write(List<AuditEvent> batch) {
        for (AuditEvent event : batch) {
            em.persist(event);
        }
    }

    /** Of these ids, the ones stored already. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Set<String> stored(Collection<String> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(em.createQuery("SELECT e.id FROM AuditEvent e WHERE e.id IN :ids", String.class)
                .setParameter("ids", ids).getResultList());
    }

    /** Asks the database a trivial question; throws if it cannot be reached. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void probe() {
        em.createQuery("SELECT COUNT(e) FROM AuditEvent e WHERE e.id = ''", Long.class).getSingleResult();
    }
}
