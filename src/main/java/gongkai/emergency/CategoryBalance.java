package gongkai.emergency;

import java.math.BigDecimal;

import gongkai.shared.InvalidInputProblem;

/**
 * The running balance of one category of a campaign (类别余额): received and allocated, both net of reversals. It guards
 * its own changes: what is on hand never goes below zero, and a refusal names the amount on hand.
 */
public record CategoryBalance(DonationCategory category, BigDecimal received, BigDecimal allocated) {

    public static CategoryBalance empty(DonationCategory category) {
        return new CategoryBalance(category, BigDecimal.ZERO, BigDecimal.ZERO);
    }

    public BigDecimal onHand() {
        return received.subtract(allocated);
    }

    public CategoryBalance receive(BigDecimal amount) {
        return new CategoryBalance(category, received.add(amount), allocated);
    }

    /** An allocation (拨付) beyond what is on hand is refused, naming what is on hand. */
    public CategoryBalance allocate(BigDecimal amount) {
        if (amount.compareTo(onHand()) > 0) {
            throw new InvalidInputProblem("amount", "该类别现有" + category.format(onHand()) + "，不足以拨付"
                    + category.format(amount) + "。");
        }
        return new CategoryBalance(category, received, allocated.add(amount));
    }

    /** Reversing a receipt takes its amount out again; refused if that much has already been allocated. */
    public CategoryBalance reverseReceipt(BigDecimal amount) {
        if (amount.compareTo(onHand()) > 0) {
            throw new InvalidInputProblem("reverses", "该类别现有" + category.format(onHand()) + "，冲正这笔"
                    + category.format(amount) + "的接收会使现有数额为负（款物已拨付），不能冲正。");
        }
        return new CategoryBalance(category, received.subtract(amount), allocated);
    }

    /** Reversing an allocation puts its amount back on hand. */
    public CategoryBalance reverseAllocation(BigDecimal amount) {
        return new CategoryBalance(category, received, allocated.subtract(amount));
    }

    public String receivedText() {
        return category.format(received);
    }

    public String allocatedText() {
        return category.format(allocated);
    }

    public String onHandText() {
        return category.format(onHand());
    }
}
