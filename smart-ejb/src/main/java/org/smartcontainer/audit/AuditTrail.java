package org.smartcontainer.audit;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.util.ArrayList;
import java.util.List;

/**
 * The audit trail of patient-data access: written by the API for every data call, read by administrators.
 * Events are written off the request thread by the {@link AuditWriter}; a search first writes what is queued,
 * so it sees every request answered before it.
 */
@Stateless
public class AuditTrail {

    @PersistenceContext(unitName = "smart")
    private EntityManager em;

    @EJB
    private AuditWriter writer;

    /**
     * Queues an event for writing, independent of the request's transaction.
     *
     * @throws AuditUnavailableException if the queue stays full (the request must then fail)
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void record(AuditEvent event) {
        writer.add(event);
    }

    /** How the trail is doing: events waiting, dead letters, failures. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public AuditStatus status() {
        return writer.status();
    }

    /** The events matching the query, newest first. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public AuditPage search(AuditQuery query) {
        try {
            writer.flushNow();
        } catch (RuntimeException e) {
            // the database cannot be reached: the query below fails the same way; events wait in the journal
        }
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<AuditEvent> select = cb.createQuery(AuditEvent.class);
        Root<AuditEvent> event = select.from(AuditEvent.class);
        select.where(conditions(cb, event, query)).orderBy(cb.desc(event.get("time")), cb.desc(event.get("id")));
        TypedQuery<AuditEvent> page = em.createQuery(select).setFirstResult(query.offset()).setMaxResults(query.limit());

        CriteriaQuery<Long> count = cb.createQuery(Long.class);
        Root<AuditEvent> counted = count.from(AuditEvent.class);
        count.select(cb.count(counted)).where(conditions(cb, counted, query));
        return new AuditPage(em.createQuery(count).getSingleResult(), page.getResultList());
    }

    private static Predicate[] conditions(CriteriaBuilder cb, Root<AuditEvent> event, AuditQuery query) {
        List<Predicate> where = new ArrayList<>();
        if (query.record() != null) {
            where.add(cb.equal(event.get("record"), query.record()));
        }
        if (query.account() != null) {
            where.add(cb.equal(event.get("account"), query.account()));
        }
        if (query.app() != null) {
            where.add(cb.equal(event.get("app"), query.app()));
        }
        if (query.from() != null) {
            where.add(cb.greaterThanOrEqualTo(event.<Long>get("time"), query.from().toEpochMilli()));
        }
        if (query.to() != null) {
            where.add(cb.lessThan(event.<Long>get("time"), query.to().toEpochMilli()));
        }
        return where.toArray(Predicate[]::new);
    }
}
