package dev.eloquent.benchmarks;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;

/** Hibernate's mapping of bench_users (and, as {@link InsertEntity}, of bench_inserts). */
@Entity
@Table(name = "bench_users")
public class UserEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;
    @Column(name = "name")
    String name;
    @Column(name = "email")
    String email;
    @Column(name = "age")
    int age;
    @Column(name = "active")
    boolean active;
    @Column(name = "balance", precision = 10, scale = 2)
    BigDecimal balance;

    Models.UserRow row() {
        return new Models.UserRow(id, name, email, age, active, balance);
    }

    @Entity
    @Table(name = "bench_inserts")
    public static class InsertEntity {
        @Id
        @GeneratedValue(strategy = GenerationType.IDENTITY)
        Long id;
        String name;
        String email;
        int age;
        boolean active;
        @Column(precision = 10, scale = 2)
        BigDecimal balance;
    }
}
