package org.smartcontainer.audit;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/** Writes batches of audit events, each batch in its own transaction. */
@Stateless
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
}
