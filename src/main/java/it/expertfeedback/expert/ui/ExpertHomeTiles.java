package it.expertfeedback.expert.ui;

import it.expertfeedback.base.ui.HomeTiles;
import it.expertfeedback.base.ui.Tile;
import it.expertfeedback.expert.ExpertService;
import java.util.List;
import org.springframework.stereotype.Component;

/** Home page: how many experts are active and verified, for everyone signed in. */
@Component
class ExpertHomeTiles implements HomeTiles {

    private final ExpertService experts;

    ExpertHomeTiles(ExpertService experts) {
        this.experts = experts;
    }

    @Override
    public List<Tile> forCurrentUser() {
        return List.of(new Tile("home-experts", "home.experts", experts.countActiveVerifiedExperts()));
    }

    @Override
    public int order() {
        return 10;
    }
}
