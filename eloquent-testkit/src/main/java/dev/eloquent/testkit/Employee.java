package dev.eloquent.testkit;

import dev.eloquent.orm.Model;
import dev.eloquent.orm.Schema;
import dev.eloquent.orm.Table;

/** Music store: an employee who reports to another employee (self-joins), with a hiring date. */
@Table("employees")
public final class Employee extends Model<Employee> {
    static final Schema SCHEMA = Schema.of(t -> {
        t.increments("id");
        t.string("first_name", 60);
        t.string("last_name", 60);
        t.string("title", 60);
        t.integer("reports_to").nullable();
        t.date("hired_on");
    });

    @Override
    public Schema schema() {
        return SCHEMA;
    }
}
