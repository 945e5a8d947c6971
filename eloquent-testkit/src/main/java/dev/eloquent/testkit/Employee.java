package dev.eloquent.testkit;

import dev.eloquent.orm.BelongsTo;
import dev.eloquent.orm.HasMany;
import dev.eloquent.orm.HasOne;
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

    /** The employee this one reports to: a model related to itself. */
    public BelongsTo<Employee, Employee> manager() {
        return belongsTo(Employee.class, "reports_to");
    }

    public HasMany<Employee, Employee> reports() {
        return hasMany(Employee.class, "reports_to");
    }

    /** The first report hired: a hasOne ordered to choose among several. */
    public HasOne<Employee, Employee> firstHire() {
        return hasOne(Employee.class, "reports_to").orderBy("hired_on").orderBy("id");
    }
}
