package dev.eloquent.testkit;

import dev.eloquent.orm.Model;
import dev.eloquent.orm.Schema;
import dev.eloquent.orm.Table;

/**
 * Music store: an invoice with a decimal total and the amount paid so far (two columns to compare), and
 * timestamps (for latest and oldest).
 */
@Table("invoices")
public final class Invoice extends Model<Invoice> {
    static final Schema SCHEMA = Schema.of(t -> {
        t.increments("id");
        t.string("customer", 120);
        t.string("billing_country", 60);
        t.decimal("total", 10, 2);
        t.decimal("paid", 10, 2);
        t.timestamps();
    });

    @Override
    public Schema schema() {
        return SCHEMA;
    }
}
