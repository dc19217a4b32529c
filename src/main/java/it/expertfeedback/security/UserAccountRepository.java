package it.expertfeedback.security;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface UserAccountRepository extends JpaRepository<UserAccount, Integer> {

    @Query("select u from UserAccount u where lower(u.email) = lower(:email)")
    Optional<UserAccount> findByEmail(String email);

    boolean existsByEmailIgnoreCase(String email);

    @Query("select count(u) from UserAccount u join u.roles r where r = :role")
    long countWithRole(Role role);

    /** Enabled accounts other than {@code exceptId} holding the role: guards the last administrator. */
    @Query("select count(u) from UserAccount u join u.roles r where r = :role and u.enabled = true and u.id <> :exceptId")
    long countOtherEnabledWithRole(Role role, Integer exceptId);
}
