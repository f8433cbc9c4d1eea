package org.smartcontainer.ui.patients;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.smartcontainer.records.RecordStore;

/** The patient list of the portal's home page. */
@Named("patients")
@RequestScoped
public class PatientsBean {

    @Inject
    private RecordStore records;

    public long getCount() {
        return records.countRecords();
    }
}
