package gongkai.feedback;

import java.time.LocalDate;

/**
 * The body of {@code POST /api/v1/supervisors} and of the back-office form: who is appointed (name, phone, the region
 * they watch) and their term; {@code termStartsOn} empty means today.
 */
public record NewSupervisor(String name, String phone, String regionCode, LocalDate termStartsOn,
        LocalDate termEndsOn) {
}
